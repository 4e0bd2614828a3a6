package dev.statecraft.server;

import static dev.statecraft.server.ClientError.GAME_EXISTS;
import static dev.statecraft.server.ClientError.INVALID_FIELD;
import static dev.statecraft.server.ClientError.INVALID_SETUP;
import static dev.statecraft.server.ClientError.UNKNOWN_GAME;
import static dev.statecraft.server.ClientError.UNKNOWN_GAME_TYPE;
import static dev.statecraft.server.ClientError.refuse;

import dev.statecraft.GameNotFoundException;
import dev.statecraft.codec.CodecException;
import dev.statecraft.codec.JsonCodec;
import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.Versioned;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.ReasonCode;
import dev.statecraft.rules.Seat;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.GameAlreadyExistsException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What a player may ask of the engine, done on the player's behalf: the actor of every command is the
 * token's player, never a name the client sends, so a player can only ever act for their own seat.
 * Shared by the WebSocket and the HTTP entry points so both answer alike.
 */
final class PlayerActions {
    private static final JsonCodec JSON = JsonCodec.json();
    /** A class named with its package; the package starts a word, so "DeserializationFeature.X" is no package "eature". */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");
    /**
     * Jackson's notes of the setting that made it refuse, "; `DeserializationFeature.X` enabled" and
     * " (set `DeserializationFeature.X` to 'false' to allow)": the server's business, not the client's.
     */
    private static final Pattern SETTING_NOTE = Pattern.compile(";\\s*`[^`]*`\\s*enabled|\\s*\\(set `[^`]*` to '[^']*' to allow\\)");

    private final Engine engine;

    PlayerActions(Engine engine) {
        this.engine = engine;
    }

    Versioned<Object> create(String typeName, String gameId, Map<String, String> setup) {
        GameType<?, ?, ?, ?> type = engine.gameType(typeName).orElseThrow(() -> refuse(UNKNOWN_GAME_TYPE,
                "no game type '" + FrameParser.abbreviate(typeName) + "'; this server runs " + typeNames()));
        try {
            engine.create(type, gameId, new Setup(setup));
            return engine.state(gameId);
        } catch (GameAlreadyExistsException e) {
            throw refuse(GAME_EXISTS, "game " + gameId + " already exists");
        } catch (IllegalArgumentException e) {
            throw refuse(INVALID_SETUP, "the setup of a " + typeName + " game was refused: " + e.getMessage());
        }
    }

    /**
     * Decides one command for {@code player}'s seat; rules' rejections come back as {@link CommandResult.Rejected}.
     * The result carries the client's own command id.
     */
    CommandResult submit(Principal player, String gameId, String commandId, String commandName, JsonNode payload, long expectedVersion) {
        GameType<?, ?, ?, ?> type = typeOf(gameId);
        Optional<? extends Class<?>> commandType = type.commands().byName(commandName);
        if (commandType.isEmpty()) {
            return new CommandResult.Rejected(gameId, commandId, versionOf(gameId), ReasonCode.UNKNOWN_COMMAND,
                    "a " + type.name() + " game has no command '" + FrameParser.abbreviate(commandName)
                            + "'; its commands are " + type.commands().names());
        }
        CommandRequest request = new CommandRequest(scoped(player, commandId), Actor.player(player.playerId()),
                decode(commandName, commandType.get(), payload), expectedVersion);
        return switch (engine.submit(gameId, request)) {
            case CommandResult.Accepted a -> new CommandResult.Accepted(a.gameId(), commandId, a.version(), a.eventCount());
            case CommandResult.Rejected r -> new CommandResult.Rejected(r.gameId(), commandId, r.version(), r.code(), r.message());
        };
    }

    /**
     * The command id the engine keeps: the player's id, then the client's. A command id is the key that
     * makes a retry apply once, so one player must never be able to take another's: a command sent with
     * an id that another player already used would otherwise get that player's outcome, and theirs would
     * never be applied.
     */
    static String scoped(Principal player, String commandId) {
        return player.playerId() + ":" + commandId;
    }

    Versioned<Object> view(String gameId, Seat seat) {
        try {
            return engine.view(gameId, seat);
        } catch (GameNotFoundException e) {
            throw unknownGame(gameId);
        }
    }

    GameType<?, ?, ?, ?> typeOf(String gameId) {
        try {
            return engine.typeOf(gameId);
        } catch (GameNotFoundException e) {
            throw unknownGame(gameId);
        }
    }

    private static Object decode(String commandName, Class<?> commandType, JsonNode payload) {
        try {
            return JSON.read(payload, commandType);
        } catch (CodecException e) {
            throw refuse(INVALID_FIELD, "the payload of " + commandName + " does not fit it: " + withoutPackages(withoutSettingNote(firstLine(e.getMessage()))));
        }
    }

    private long versionOf(String gameId) {
        try {
            return engine.state(gameId).version();
        } catch (GameNotFoundException e) {
            throw unknownGame(gameId);
        }
    }

    private String typeNames() {
        return engine.gameTypes().stream().map(GameType::name).toList().toString();
    }

    static ClientErrorException unknownGame(String gameId) {
        return refuse(UNKNOWN_GAME, "no active game " + gameId);
    }

    /** Jackson names the record it could not build by its full class name; the client needs only the simple name. */
    private static String withoutPackages(String message) {
        return QUALIFIED_NAME.matcher(message).replaceAll("$1");
    }

    private static String withoutSettingNote(String message) {
        return SETTING_NOTE.matcher(message).replaceAll("");
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
