package dev.statecraft.bench.server;

import dev.statecraft.codec.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * What a simulated player reads of a message from the server (docs/PROTOCOL.md): its type, game, version,
 * code or reason, and for a view, what the bot needs of it ({@link SeatView}). It is read with a streaming
 * parser that skips every other field: the driver reads three messages per command, and a tree of each was
 * most of what the driver allocated (binding to records was no better: Jackson calls a record's constructor
 * through {@code invokeWithArguments}, which builds an adapter at every call), while its collections pause it
 * and so stretch the latency it measures.
 *
 * @param view the seat's view in a {@code view} message, null in any other
 */
record ServerMessage(String type, String gameId, long version, String code, String reason, SeatView view) {
    private static final JsonCodec JSON = JsonCodec.json();

    /** A message that is not a JSON object of the protocol's shape. */
    static final class UnreadableException extends RuntimeException {
        UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Reads {@code text}; throws {@link UnreadableException} if it is not a message of the protocol's shape. */
    static ServerMessage parse(String text) {
        try (JsonParser parser = JSON.mapper().createParser(text)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            String type = "";
            String gameId = "";
            long version = 0;
            String code = "";
            String reason = "";
            SeatView view = null;
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                parser.nextToken();
                switch (name) {
                    case "type" -> type = parser.getString();
                    case "gameId" -> gameId = parser.getString();
                    case "version" -> version = parser.getLongValue();
                    case "code" -> code = parser.getString();
                    case "reason" -> reason = parser.getString();
                    case "view" -> view = SeatView.read(parser);
                    default -> parser.skipChildren();
                }
            }
            if (type.equals("view") && view == null) {
                throw new UnreadableException("a view message without its view", null);
            }
            return new ServerMessage(type, gameId, version, code, reason, view);
        } catch (JacksonException e) {
            throw new UnreadableException("not a message of the protocol: " + e.getOriginalMessage(), e);
        }
    }

    private static void expect(JsonToken found, JsonToken expected) {
        if (found != expected) {
            throw new UnreadableException("expected " + expected + ", found " + found, null);
        }
    }

    /**
     * What the bot needs of a seat's view. Whole views, 10,000 of them at 10,000 connections, each replaced about
     * once a second, lived long enough to be promoted: the driver's old generation grew by about 30 MB per young
     * collection until mixed collections ran. With these it stays flat (about 220 MB after each collection).
     *
     * @param top the discard pile's top card, null while the pile is empty (before the first deal)
     */
    record SeatView(String phase, String turn, int deckCount, CardFace top, List<CardFace> yourHand) {

        /** Reads the view object the parser is at, leaving it at the object's end. */
        static SeatView read(JsonParser parser) {
            expect(parser.currentToken(), JsonToken.START_OBJECT);
            String phase = "";
            String turn = "";
            int deckCount = 0;
            CardFace top = null;
            List<CardFace> hand = new ArrayList<>();
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                parser.nextToken();
                switch (name) {
                    case "phase" -> phase = parser.getString();
                    case "turn" -> turn = parser.getString();
                    case "deckCount" -> deckCount = parser.getIntValue();
                    case "discard" -> top = readCards(parser, null);
                    case "yourHand" -> readCards(parser, hand);
                    default -> parser.skipChildren();
                }
            }
            return new SeatView(phase, turn, deckCount, top, hand);
        }

        /** Reads the array of cards the parser is at into {@code into} (if given), and returns its last card, null if it has none. */
        private static CardFace readCards(JsonParser parser, List<CardFace> into) {
            expect(parser.currentToken(), JsonToken.START_ARRAY);
            CardFace last = null;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                expect(token, JsonToken.START_OBJECT);
                String suit = "";
                int rank = 0;
                for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                    parser.nextToken();
                    switch (name) {
                        case "suit" -> suit = parser.getString();
                        case "rank" -> rank = parser.getIntValue();
                        default -> parser.skipChildren();
                    }
                }
                last = new CardFace(suit, rank);
                if (into != null) {
                    into.add(last);
                }
            }
            return last;
        }
    }

    /** A card as the protocol writes it. */
    record CardFace(String suit, int rank) {
        boolean matches(CardFace top) {
            return suit.equals(top.suit) || rank == top.rank;
        }
    }
}
