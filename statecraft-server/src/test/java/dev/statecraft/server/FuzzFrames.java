package dev.statecraft.server;

import dev.statecraft.codec.JsonCodec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random and mutated client messages for {@link FuzzTest}: plausible frames for existing and unknown
 * games with fields removed, retyped or replaced, commands with random payloads, truncated and deeply
 * nested JSON, huge numbers, unicode, random text and binary messages. A frame whose text still
 * carries the ref it was given is tracked: its reply must carry that ref. Tracked refs start with
 * {@code ~}, which no random text here contains; a frame whose mutations turned its ref into another
 * one starting with {@code ~} is drawn again, so no frame can pass for another.
 */
final class FuzzFrames {
    /** One message: text or binary; {@code trackedRef} is the ref its reply must carry, or empty. */
    record Frame(String text, byte[] binary, String trackedRef) {
        boolean isBinary() {
            return binary != null;
        }
    }

    static final List<String> CARD_COMMANDS = List.of("Join", "Draw", "Play", "Pass", "Forfeit");
    static final List<String> WORLD_COMMANDS = List.of("EnterWorld", "LeaveWorld", "Move", "UseItem", "Equip", "Unequip", "Train",
            "Drop", "PickUp", "OfferTrade", "AcceptTrade", "CancelTrade", "TakeDamage", "GrantItem", "DespawnExpired");
    private static final List<String> TYPES = List.of("create", "join", "spectate", "leave", "command");
    private static final List<String> FIELDS = List.of("type", "ref", "gameId", "gameType", "setup", "since", "commandId", "command",
            "payload", "expectedVersion");
    private static final List<String> ODD_NUMBERS = List.of("1e999999", "-1e999999", "123456789012345678901234567890123456789",
            "9".repeat(1200), "-0", "0.0000000000000000000001", "1.5", "-9223372036854775809", "9223372036854775808",
            "18446744073709551616", "4.9e-324", "1E+2", "-2147483649", "2147483648");
    private static final List<String> ODD_STRINGS = List.of("", " ", "null", "\u0000", "ゲーム", "🃏🂡", "é", "e\u0301", "\u202Eevil",
            "\uFEFF", "\\", "\"", "../../etc/passwd", "<script>", "%00", "fz-match\u0000", "FZ-MATCH", "fz-match ", "x".repeat(129));
    private static final String SUITS = "HEARTS DIAMONDS CLUBS SPADES STARS hearts";
    private static final JsonCodec JSON = JsonCodec.json();

    private final Random random;
    private final String refPrefix;
    private final List<String> gameIds;
    private final int maxFrameBytes;
    private long count;

    /** @param gameIds the ids frames aim at: existing games, unknown ones and ill-formed ones */
    FuzzFrames(Random random, String refPrefix, List<String> gameIds, int maxFrameBytes) {
        this.random = random;
        this.refPrefix = refPrefix;
        this.gameIds = List.copyOf(gameIds);
        this.maxFrameBytes = maxFrameBytes;
    }

    Frame next() {
        String ref = refPrefix + (++count);
        while (true) {
            Frame frame = next(ref);
            String parsedRef = frame.isBinary() ? "" : FrameParser.ref(treeOrEmpty(frame.text()));
            // a character inserted into a tracked ref would make it look like another frame's
            if (parsedRef.equals(ref) || !parsedRef.startsWith("~")) {
                return new Frame(frame.text(), frame.binary(), parsedRef.equals(ref) ? ref : "");
            }
        }
    }

    private Frame next(String ref) {
        int pick = random.nextInt(100);
        if (pick < 5) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            return new Frame(null, bytes, "");
        }
        String text;
        if (pick < 35) {
            text = mutated(plausible(ref)).toString();
        } else if (pick < 50) {
            text = command(ref, pick(gameIds), pick(random.nextBoolean() ? CARD_COMMANDS : WORLD_COMMANDS)).toString();
        } else if (pick < 60) {
            String whole = mutated(plausible(ref)).toString();
            text = cut(whole, random.nextInt(whole.length()));
        } else if (pick < 66) {
            text = randomText(random.nextInt(400));
        } else if (pick < 71) {
            text = nested(ref);
        } else if (pick < 79) {
            text = withOddNumber(ref);
        } else if (pick < 87) {
            text = withOddString(ref);
        } else if (pick < 93) {
            text = textLevelMutation(plausible(ref).toString());
        } else {
            text = pick(List.of("1", "[]", "[1, 2]", "\"command\"", "null", "true", "", " ", "{}", "{\"type\": null}", "[{\"type\": \"join\"}]"));
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > maxFrameBytes) {
            text = cut(text, maxFrameBytes / 4);
        }
        return new Frame(text, null, "");
    }

    /** A well-formed message of a random type for a random game. */
    private ObjectNode plausible(String ref) {
        String gameId = pick(gameIds);
        String type = pick(TYPES);
        ObjectNode frame = switch (type) {
            case "command" -> command(ref, gameId, pick(random.nextBoolean() ? CARD_COMMANDS : WORLD_COMMANDS));
            case "create" -> {
                ObjectNode create = message("create", ref);
                create.put("gameType", pick(List.of("cards", "world", "chess", "")));
                create.put("gameId", random.nextInt(4) == 0 ? "fz-new-" + random.nextInt(40) : gameId);
                if (random.nextBoolean()) {
                    ObjectNode setup = create.putObject("setup");
                    setup.put(pick(List.of("handSize", "width", "height", "regionSize", "despawnSeconds", "colour")), interestingInt());
                }
                yield create;
            }
            default -> {
                ObjectNode join = message(type, ref);
                join.put("gameId", gameId);
                if (!type.equals("leave") && random.nextInt(3) == 0) {
                    join.put("since", random.nextInt(5) == 0 ? interestingInt() : random.nextInt(30));
                }
                yield join;
            }
        };
        return frame;
    }

    private ObjectNode command(String ref, String gameId, String name) {
        ObjectNode frame = message("command", ref);
        frame.put("gameId", gameId);
        frame.put("commandId", "c" + random.nextInt(1_000_000));
        frame.put("command", random.nextInt(20) == 0 ? pick(List.of("Cheat", "join", "", "TakeDamage", "Play ")) : name);
        if (random.nextInt(4) != 0) {
            frame.set("payload", payload(name));
        }
        if (random.nextInt(5) == 0) {
            frame.put("expectedVersion", random.nextInt(4) == 0 ? interestingInt() : random.nextInt(40));
        }
        return frame;
    }

    /** The fields of {@code command}, with plausible and implausible values. */
    private ObjectNode payload(String command) {
        ObjectNode payload = JSON.mapper().createObjectNode();
        switch (command) {
            case "Play" -> {
                ObjectNode card = payload.putObject("card");
                card.put("suit", pick(List.of(SUITS.split(" "))));
                card.put("rank", random.nextInt(14) - 2);
            }
            case "Move" -> {
                payload.put("x", interestingInt());
                payload.put("y", interestingInt());
            }
            case "UseItem", "Equip" -> payload.put("slot", interestingInt());
            case "Unequip" -> payload.put("equipmentSlot", pick(List.of("HEAD", "WEAPON", "RING", "TAIL", "head")));
            case "Train" -> payload.put("skill", pick(List.of("ATTACK", "MINING", "FISHING", "FLYING", "")));
            case "Drop" -> {
                payload.put("slot", interestingInt());
                payload.put("quantity", interestingInt());
            }
            case "PickUp" -> payload.put("groundItemId", randomText(random.nextInt(12)));
            case "OfferTrade" -> {
                payload.put("toPlayerId", pick(List.of("ann", "bob", "cid", "eve", "nobody", "")));
                payload.putObject("give").put(String.valueOf(random.nextInt(30) - 2), interestingInt());
                payload.putObject("want").put(pick(List.of("coins", "bread", "sword", "")), interestingInt());
            }
            case "AcceptTrade", "CancelTrade" -> payload.put("tradeId", "t-" + random.nextInt(20));
            case "TakeDamage" -> {
                payload.put("playerId", pick(List.of("ann", "bob", "nobody")));
                payload.put("amount", interestingInt());
            }
            case "GrantItem" -> {
                payload.put("playerId", pick(List.of("ann", "bob", "nobody")));
                payload.put("itemId", pick(List.of("coins", "bread", "nothing")));
                payload.put("quantity", interestingInt());
            }
            default -> {
                // commands without fields
            }
        }
        if (random.nextInt(4) == 0) {
            mutated(payload);
        }
        return payload;
    }

    /** Up to three field-level changes: a field removed, replaced by a random value, or a new field added. */
    private ObjectNode mutated(ObjectNode frame) {
        int mutations = random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            String field = random.nextInt(4) == 0 ? randomText(1 + random.nextInt(8)) : pick(FIELDS);
            switch (random.nextInt(3)) {
                case 0 -> frame.remove(field);
                default -> frame.set(field, randomValue(3));
            }
        }
        return frame;
    }

    private JsonNode randomValue(int depth) {
        var nodes = JSON.mapper().getNodeFactory();
        return switch (random.nextInt(depth > 0 ? 11 : 8)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.numberNode(interestingInt());
            case 3 -> nodes.numberNode(random.nextLong());
            case 4 -> nodes.numberNode(new BigInteger(200, random));
            case 5 -> nodes.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
            case 6 -> nodes.stringNode(randomText(random.nextInt(20)));
            case 7 -> nodes.stringNode(pick(ODD_STRINGS));
            case 8 -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(random.nextBoolean() ? pick(FIELDS) : randomText(5), randomValue(depth - 1));
                }
                yield object;
            }
        };
    }

    private int interestingInt() {
        return switch (random.nextInt(8)) {
            case 0 -> Integer.MAX_VALUE;
            case 1 -> Integer.MIN_VALUE;
            case 2 -> -1;
            case 3 -> 0;
            case 4 -> random.nextInt();
            default -> random.nextInt(70) - 3;
        };
    }

    private String nested(String ref) {
        int depth = 1 + random.nextInt(random.nextBoolean() ? 600 : 4_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String deep = open.repeat(depth) + "1" + close.repeat(random.nextInt(10) == 0 ? depth - 1 : depth);
        ObjectNode frame = command(ref, pick(gameIds), pick(CARD_COMMANDS));
        String field = pick(List.of("payload", "setup", "ref", "gameId", "expectedVersion"));
        frame.put(field, "\u0001deep\u0001");
        return random.nextInt(5) == 0 ? deep : frame.toString().replace("\"\\u0001deep\\u0001\"", deep);
    }

    private String withOddNumber(String ref) {
        ObjectNode frame = plausible(ref);
        String field = pick(List.of("since", "expectedVersion", "gameId", "ref", "type", "payload", "setup"));
        if (frame.get("payload") instanceof ObjectNode payload && random.nextBoolean()) {
            payload.put(pick(List.of("x", "y", "slot", "quantity", "amount", "rank")), "\u0001num\u0001");
        } else {
            frame.put(field, "\u0001num\u0001");
        }
        return frame.toString().replace("\"\\u0001num\\u0001\"", pick(ODD_NUMBERS));
    }

    private String withOddString(String ref) {
        ObjectNode frame = plausible(ref);
        String value = random.nextBoolean() ? pick(ODD_STRINGS) : randomUnicode(1 + random.nextInt(40));
        if (frame.get("payload") instanceof ObjectNode payload && random.nextBoolean()) {
            payload.put(pick(List.of("suit", "skill", "equipmentSlot", "toPlayerId", "tradeId", "groundItemId")), value);
        } else {
            frame.put(pick(List.of("gameId", "command", "commandId", "gameType", "type", "ref")), value);
        }
        return frame.toString();
    }

    private String textLevelMutation(String json) {
        return switch (random.nextInt(6)) {
            case 0 -> json.replaceFirst("\\{", "{\"type\": \"shout\", ");
            case 1 -> json + json;
            case 2 -> json + pick(List.of(" x", ",", "}", " // comment", "\u0000"));
            case 3 -> "  \n\t" + json + "\r\n ";
            case 4 -> {
                int at = random.nextInt(json.length());
                yield cut(json, at) + randomText(1 + random.nextInt(3)) + json.substring(cut(json, at).length());
            }
            default -> json.replace("\"", "'");
        };
    }

    /** Printable ASCII (never {@code ~}), JSON punctuation, control characters and a little beyond Latin-1. */
    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            char c = kind < 6 ? (char) (32 + random.nextInt(94)) : kind < 8 ? "{}[]\":,\\ ".charAt(random.nextInt(9))
                    : kind < 9 ? (char) random.nextInt(32) : (char) (0xA0 + random.nextInt(0x2000));
            text.append(c == '~' ? '-' : c);
        }
        return text.toString();
    }

    /** Letters of many scripts, emoji beyond the basic plane, combining marks; never a lone surrogate. */
    private String randomUnicode(int codePoints) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> 0x1F300 + random.nextInt(0x300);
                case 1 -> 0x0300 + random.nextInt(0x70);
                case 2 -> 0x3040 + random.nextInt(0x60);
                default -> 0xA0 + random.nextInt(0xD000);
            };
            if (Character.isSurrogate((char) codePoint) || codePoint == '~') {
                codePoint = 'x';
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    /** The first {@code length} characters, one fewer rather than half a surrogate pair (a WebSocket text must be valid UTF-8). */
    private static String cut(String text, int length) {
        return length > 0 && Character.isHighSurrogate(text.charAt(length - 1)) ? text.substring(0, length - 1) : text.substring(0, length);
    }

    private ObjectNode message(String type, String ref) {
        ObjectNode frame = JSON.mapper().createObjectNode();
        frame.put("type", type);
        if (random.nextInt(10) != 0) {
            frame.put("ref", ref);
        }
        return frame;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The message as the server reads it, or an empty object where the server would find no ref. */
    private static JsonNode treeOrEmpty(String text) {
        try {
            return FrameParser.tree(text);
        } catch (RuntimeException e) {
            return JSON.mapper().createObjectNode();
        }
    }
}
