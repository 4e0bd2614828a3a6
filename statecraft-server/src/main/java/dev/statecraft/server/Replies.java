package dev.statecraft.server;

import dev.statecraft.codec.JsonCodec;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.SubscriptionEnd;
import dev.statecraft.engine.Versioned;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/** The JSON text of every message the server sends over the WebSocket (docs/PROTOCOL.md). */
final class Replies {
    private static final JsonCodec JSON = JsonCodec.json();

    private Replies() {
    }

    static String welcome(Principal principal, ServerOptions options) {
        ObjectNode node = message("welcome", "");
        node.put("player", principal.playerId());
        node.put("role", principal.role().claim());
        node.put("maxFrameBytes", options.maxFrameBytes());
        node.put("messagesPerSecond", options.messagesPerSecond());
        return node.toString();
    }

    static String created(String ref, Versioned<Object> state) {
        ObjectNode node = message("created", ref);
        node.put("gameId", state.gameId());
        node.put("version", state.version());
        node.put("phase", state.phase().name());
        return node.toString();
    }

    static String joined(String ref, String gameId, String seat, long since) {
        ObjectNode node = message("joined", ref);
        node.put("gameId", gameId);
        node.put("seat", seat);
        if (since >= 0) {
            node.put("since", since);
        }
        return node.toString();
    }

    static String left(String ref, String gameId) {
        ObjectNode node = message("left", ref);
        node.put("gameId", gameId);
        return node.toString();
    }

    static String result(String ref, CommandResult result) {
        ObjectNode node;
        switch (result) {
            case CommandResult.Accepted accepted -> {
                node = message("accepted", ref);
                node.put("gameId", accepted.gameId());
                node.put("commandId", accepted.commandId());
                node.put("version", accepted.version());
                node.put("events", accepted.eventCount());
            }
            case CommandResult.Rejected rejected -> {
                node = message("rejected", ref);
                node.put("gameId", rejected.gameId());
                node.put("commandId", rejected.commandId());
                node.put("version", rejected.version());
                node.put("code", rejected.code());
                node.put("message", rejected.message());
            }
        }
        return node.toString();
    }

    /** Sent for every version to every subscriber: the view is written straight to text, not through a tree. */
    static String view(String seat, Versioned<Object> view) {
        ObjectNode node = message("view", "");
        node.put("gameId", view.gameId());
        node.put("seat", seat);
        node.put("version", view.version());
        node.put("phase", view.phase().name());
        String head = node.toString();
        return head.substring(0, head.length() - 1) + ",\"view\":" + JSON.writeString(view.value()) + "}";
    }

    static String ended(String gameId, SubscriptionEnd reason, long lastVersion) {
        ObjectNode node = message("ended", "");
        node.put("gameId", gameId);
        node.put("reason", reason.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        node.put("lastVersion", lastVersion);
        return node.toString();
    }

    static String error(String ref, ClientError error) {
        ObjectNode node = message("error", ref);
        node.put("code", error.code());
        node.put("message", error.message());
        return node.toString();
    }

    private static ObjectNode message(String type, String ref) {
        ObjectNode node = JSON.mapper().createObjectNode();
        node.put("type", type);
        if (!ref.isEmpty()) {
            node.put("ref", ref);
        }
        return node;
    }
}
