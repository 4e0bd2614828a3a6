package dev.statecraft.bench.server;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a simulated player reads of a message from the server (docs/PROTOCOL.md): its type, game, version,
 * code or reason, and for a view, what the bot needs of it ({@link SeatView}). Every other field is
 * skipped by the parser, never built: the driver reads three messages per command, and parsing each into a
 * tree was the largest part of what it allocated, whose collections pause it and so stretch the latency it
 * measures.
 */
record ServerMessage(String type, String gameId, long version, String code, String reason, SeatView view) {
    private static final JsonMapper LENIENT = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The message, or null if it is not a JSON object of this shape. */
    static ServerMessage parse(String text) {
        try {
            return LENIENT.readValue(text, ServerMessage.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    String typeOrEmpty() {
        return type == null ? "" : type;
    }

    /**
     * What the bot needs of a seat's view. Whole views, 10,000 of them at 10,000 connections, each replaced about
     * once a second, lived long enough to be promoted: the driver's old generation grew by about 30 MB per young
     * collection until mixed collections ran. With these it stays flat (about 220 MB after each collection).
     *
     * @param discard the discard pile, top card last
     */
    record SeatView(String phase, String turn, int deckCount, List<CardFace> discard, List<CardFace> yourHand) {
        SeatView {
            discard = discard == null ? List.of() : discard;
            yourHand = yourHand == null ? List.of() : yourHand;
        }

        /** The discard pile's top card, or null if the pile is empty. */
        CardFace top() {
            return discard.isEmpty() ? null : discard.getLast();
        }
    }

    /** A card as the protocol writes it. */
    record CardFace(String suit, int rank) {
        boolean matches(CardFace top) {
            return suit.equals(top.suit) || rank == top.rank;
        }
    }
}
