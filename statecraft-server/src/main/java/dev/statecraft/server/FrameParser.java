package dev.statecraft.server;

import static dev.statecraft.server.ClientError.INVALID_FIELD;
import static dev.statecraft.server.ClientError.MALFORMED_JSON;
import static dev.statecraft.server.ClientError.MISSING_FIELD;
import static dev.statecraft.server.ClientError.UNKNOWN_TYPE;
import static dev.statecraft.server.ClientError.refuse;

import dev.statecraft.codec.JsonCodec;
import dev.statecraft.engine.CommandRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Turns the text of a client message into a {@link ClientFrame}, or refuses it with the field that is
 * wrong. Shape only: whether the game exists or the command fits its rules is decided later.
 */
final class FrameParser {
    static final int MAX_REF_LENGTH = 64;
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_SETUP_ENTRIES = 32;
    /** With the player id and a separator it fits the engine's limit: see {@link PlayerActions#scoped}. */
    static final int MAX_COMMAND_ID_LENGTH = CommandRequest.MAX_COMMAND_ID_LENGTH - Principal.MAX_PLAYER_ID_LENGTH - 1;
    /** The engine's own rule for game ids; a looser one here let ids through that the engine then failed on. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0," + (MAX_ID_LENGTH - 1) + "}");
    static final String ID_RULE = "1 to " + MAX_ID_LENGTH + " of the characters A-Z a-z 0-9 . _ : -, starting with a letter or digit";
    private static final JsonCodec JSON = JsonCodec.json();

    private FrameParser() {
    }

    /** The message as a JSON object. */
    static JsonNode tree(String text) {
        JsonNode tree;
        try {
            tree = JSON.mapper().readTree(text);
        } catch (JacksonException e) {
            throw refuse(MALFORMED_JSON, "the message is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw refuse(MALFORMED_JSON, "a message is one JSON object");
        }
        return tree;
    }

    /** The client's correlation reference, echoed in the reply; empty when absent or unusable. */
    static String ref(JsonNode tree) {
        JsonNode ref = tree.get("ref");
        return ref != null && ref.isString() && ref.asString().length() <= MAX_REF_LENGTH ? ref.asString() : "";
    }

    /**
     * The {@code ref} of a message that will not be parsed (one dropped for the connection's rate), read with
     * a streaming scan that stops at it; empty when absent, unusable, or the text is not a JSON object.
     */
    static String refOf(String text) {
        try (JsonParser parser = JSON.mapper().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken value = parser.nextToken();
                if (name.equals("ref")) {
                    return value == JsonToken.VALUE_STRING && parser.getString().length() <= MAX_REF_LENGTH ? parser.getString() : "";
                }
                parser.skipChildren();
            }
            return "";
        } catch (JacksonException e) {
            return "";
        }
    }

    static ClientFrame parse(JsonNode tree) {
        JsonNode ref = tree.get("ref");
        if (ref != null && !(ref.isString() && ref.asString().length() <= MAX_REF_LENGTH)) {
            throw refuse(INVALID_FIELD, "'ref' must be a string of at most " + MAX_REF_LENGTH + " characters");
        }
        String type = text(tree, "type");
        return switch (type) {
            case "create" -> new ClientFrame.Create(text(tree, "gameType"), id(tree, "gameId"), setup(tree));
            case "join" -> new ClientFrame.Join(id(tree, "gameId"), false, since(tree));
            case "spectate" -> new ClientFrame.Join(id(tree, "gameId"), true, since(tree));
            case "leave" -> new ClientFrame.Leave(id(tree, "gameId"));
            case "command" -> command(tree);
            default -> throw refuse(UNKNOWN_TYPE, "unknown message type '" + abbreviate(type)
                    + "'; the types are create, join, spectate, leave and command");
        };
    }

    private static ClientFrame.Command command(JsonNode tree) {
        JsonNode payload = tree.get("payload");
        if (payload == null || payload.isNull()) {
            payload = JSON.mapper().createObjectNode();
        } else if (!payload.isObject()) {
            throw refuse(INVALID_FIELD, "'payload' must be a JSON object");
        }
        long expected = CommandRequest.ANY_VERSION;
        JsonNode version = tree.get("expectedVersion");
        if (version != null && !version.isNull()) {
            if (!version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 0) {
                throw refuse(INVALID_FIELD, "'expectedVersion' must be a whole number >= 0");
            }
            expected = version.asLong();
        }
        return new ClientFrame.Command(id(tree, "gameId"), commandId(tree), text(tree, "command"), payload, expected);
    }

    private static long since(JsonNode tree) {
        JsonNode since = tree.get("since");
        if (since == null || since.isNull()) {
            return ClientFrame.Join.FROM_NOW;
        }
        if (!since.isIntegralNumber() || !since.canConvertToLong() || since.asLong() < 0) {
            throw refuse(INVALID_FIELD, "'since' must be a whole number >= 0: the last version the client has seen");
        }
        return since.asLong();
    }

    private static Map<String, String> setup(JsonNode tree) {
        JsonNode setup = tree.get("setup");
        if (setup == null || setup.isNull()) {
            return Map.of();
        }
        if (!setup.isObject() || setup.size() > MAX_SETUP_ENTRIES) {
            throw refuse(INVALID_FIELD, "'setup' must be an object of at most " + MAX_SETUP_ENTRIES + " string or number values");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var entry : setup.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isString() && !value.isNumber() && !value.isBoolean()) {
                throw refuse(INVALID_FIELD, "setup value '" + abbreviate(entry.getKey()) + "' must be a string, number or boolean");
            }
            values.put(entry.getKey(), value.asString());
        }
        return values;
    }

    private static String commandId(JsonNode tree) {
        String commandId = text(tree, "commandId");
        if (commandId.isBlank() || commandId.length() > MAX_COMMAND_ID_LENGTH) {
            throw refuse(INVALID_FIELD, "'commandId' must be 1 to " + MAX_COMMAND_ID_LENGTH + " characters, not blank");
        }
        return commandId;
    }

    private static String id(JsonNode tree, String field) {
        String value = text(tree, field);
        if (!isId(value)) {
            throw refuse(INVALID_FIELD, "'" + field + "' must be " + ID_RULE);
        }
        return value;
    }

    static boolean isId(String value) {
        return ID.matcher(value).matches();
    }

    private static String text(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            throw refuse(MISSING_FIELD, "the message has no '" + field + "'");
        }
        if (!value.isString()) {
            throw refuse(INVALID_FIELD, "'" + field + "' must be a string");
        }
        return value.asString();
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
