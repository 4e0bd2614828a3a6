package dev.statecraft.server;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A message a client sends over the WebSocket, parsed and checked for shape (not yet for meaning). */
sealed interface ClientFrame {

    /** Creates a game of a registered type at version 0. */
    record Create(String gameType, String gameId, Map<String, String> setup) implements ClientFrame {
    }

    /** Receives the sender's own seat's view of a game (or the public one), after {@code since} if given. */
    record Join(String gameId, boolean spectator, long since) implements ClientFrame {
        static final long FROM_NOW = -1;
    }

    /** Stops the views of one game. */
    record Leave(String gameId) implements ClientFrame {
    }

    /** One command for the game's rules, sent for the sender's own seat. */
    record Command(String gameId, String commandId, String name, JsonNode payload, long expectedVersion) implements ClientFrame {
    }
}
