package dev.statecraft.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.statecraft.codec.JsonCodec;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.SubscriptionEnd;
import dev.statecraft.engine.Versioned;
import java.util.Locale;

/**
 * The JSON text of every message the server sends over the WebSocket (docs/PROTOCOL.md). Each message is a
 * record of its fields in the protocol's order, written to text in one pass: a view, sent to every
 * subscriber at every version, is the server's most frequent message, and building a tree first, or
 * joining its parts as strings, copied it several times over.
 */
final class Replies {
    private static final JsonCodec JSON = JsonCodec.json();

    private Replies() {
    }

    static String welcome(Principal principal, ServerOptions options) {
        return write(new Welcome("welcome", principal.playerId(), principal.role().claim(), options.maxFrameBytes(), options.messagesPerSecond()));
    }

    static String created(String ref, Versioned<Object> state) {
        return write(new Created("created", ref, state.gameId(), state.version(), state.phase().name()));
    }

    static String joined(String ref, String gameId, String seat, long since) {
        return write(new Joined("joined", ref, gameId, seat, since >= 0 ? since : null));
    }

    static String left(String ref, String gameId) {
        return write(new Left("left", ref, gameId));
    }

    static String result(String ref, CommandResult result) {
        return switch (result) {
            case CommandResult.Accepted a -> write(new Accepted("accepted", ref, a.gameId(), a.commandId(), a.version(), a.eventCount()));
            case CommandResult.Rejected r -> write(new Rejected("rejected", ref, r.gameId(), r.commandId(), r.version(), r.code(), r.message()));
        };
    }

    /** Sent for every version to every subscriber. */
    static String view(String seat, Versioned<Object> view) {
        return write(new View("view", view.gameId(), seat, view.version(), view.phase().name(), view.value()));
    }

    static String ended(String gameId, SubscriptionEnd reason, long lastVersion) {
        return write(new Ended("ended", gameId, reason.name().toLowerCase(Locale.ROOT).replace('_', '-'), lastVersion));
    }

    static String error(String ref, ClientError error) {
        return write(new ErrorMessage("error", ref, error.code(), error.message()));
    }

    private static String write(Record message) {
        return JSON.writeString(message);
    }

    @JsonPropertyOrder({"type", "player", "role", "maxFrameBytes", "messagesPerSecond"})
    private record Welcome(String type, String player, String role, int maxFrameBytes, int messagesPerSecond) {
    }

    @JsonPropertyOrder({"type", "ref", "gameId", "version", "phase"})
    private record Created(String type, @JsonInclude(Include.NON_EMPTY) String ref, String gameId, long version, String phase) {
    }

    @JsonPropertyOrder({"type", "ref", "gameId", "seat", "since"})
    private record Joined(String type, @JsonInclude(Include.NON_EMPTY) String ref, String gameId, String seat,
                          @JsonInclude(Include.NON_NULL) Long since) {
    }

    @JsonPropertyOrder({"type", "ref", "gameId"})
    private record Left(String type, @JsonInclude(Include.NON_EMPTY) String ref, String gameId) {
    }

    @JsonPropertyOrder({"type", "ref", "gameId", "commandId", "version", "events"})
    private record Accepted(String type, @JsonInclude(Include.NON_EMPTY) String ref, String gameId, String commandId, long version, int events) {
    }

    @JsonPropertyOrder({"type", "ref", "gameId", "commandId", "version", "code", "message"})
    private record Rejected(String type, @JsonInclude(Include.NON_EMPTY) String ref, String gameId, String commandId, long version, String code,
                            String message) {
    }

    @JsonPropertyOrder({"type", "gameId", "seat", "version", "phase", "view"})
    private record View(String type, String gameId, String seat, long version, String phase, Object view) {
    }

    @JsonPropertyOrder({"type", "gameId", "reason", "lastVersion"})
    private record Ended(String type, String gameId, String reason, long lastVersion) {
    }

    @JsonPropertyOrder({"type", "ref", "code", "message"})
    private record ErrorMessage(String type, @JsonInclude(Include.NON_EMPTY) String ref, String code, String message) {
    }
}
