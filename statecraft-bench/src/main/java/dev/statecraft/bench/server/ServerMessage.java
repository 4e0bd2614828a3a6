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
 * most of what the driver allocated (binding to records through reflection was no better), while its
 * collections pause it and so stretch the latency it measures.
 */
record ServerMessage(String type, String gameId, long version, String code, String reason, SeatView view) {
    private static final JsonCodec JSON = JsonCodec.json();

    /** The message, or null if it is not a JSON object whose fields have these types. */
    static ServerMessage parse(String text) {
        try (JsonParser parser = JSON.mapper().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
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
            return new ServerMessage(type, gameId, version, code, reason, view);
        } catch (JacksonException | IllegalStateException e) {
            return null;
        }
    }

    /**
     * What the bot needs of a seat's view. Whole views, 10,000 of them at 10,000 connections, each replaced about
     * once a second, lived long enough to be promoted: the driver's old generation grew by about 30 MB per young
     * collection until mixed collections ran. With these it stays flat (about 220 MB after each collection).
     *
     * @param top the discard pile's top card, null if the pile is empty
     */
    record SeatView(String phase, String turn, int deckCount, CardFace top, List<CardFace> yourHand) {

        /** Reads the view object the parser is at, leaving it after the object's end. */
        static SeatView read(JsonParser parser) {
            expect(parser, JsonToken.START_OBJECT);
            String phase = "";
            String turn = "";
            int deckCount = 0;
            CardFace top = null;
            List<CardFace> hand = List.of();
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                parser.nextToken();
                switch (name) {
                    case "phase" -> phase = parser.getString();
                    case "turn" -> turn = parser.getString();
                    case "deckCount" -> deckCount = parser.getIntValue();
                    case "discard" -> {
                        List<CardFace> discard = cards(parser);
                        top = discard.isEmpty() ? null : discard.getLast();
                    }
                    case "yourHand" -> hand = cards(parser);
                    default -> parser.skipChildren();
                }
            }
            return new SeatView(phase, turn, deckCount, top, hand);
        }

        private static List<CardFace> cards(JsonParser parser) {
            expect(parser, JsonToken.START_ARRAY);
            List<CardFace> cards = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
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
                cards.add(new CardFace(suit, rank));
            }
            return cards;
        }

        private static void expect(JsonParser parser, JsonToken token) {
            if (parser.currentToken() != token) {
                throw new IllegalStateException("expected " + token + ", found " + parser.currentToken());
            }
        }
    }

    /** A card as the protocol writes it. */
    record CardFace(String suit, int rank) {
        boolean matches(CardFace top) {
            return suit.equals(top.suit) || rank == top.rank;
        }
    }
}
