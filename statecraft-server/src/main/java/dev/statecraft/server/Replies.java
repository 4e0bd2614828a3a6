package dev.statecraft.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.statecraft.codec.JsonCodec;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.SubscriptionEnd;
import dev.statecraft.engine.Versioned;
import java.util.Locale;

/**
 * The JSON text of every message the server sends over the WebSocket (docs/PROTOCOL.md), as UTF-8 bytes. Each
 * message is a record of its fields, its {@code type} first and the rest in the protocol's order, written in one
 * pass straight to the bytes the socket sends: a view, sent to every subscriber at every version, is the server's
 * most frequent message, and building a tree first, joining its parts as strings, or making a string that the
 * socket encodes again, copied it several times over.
 */
final class Replies {
    private static final JsonCodec JSON = JsonCodec.json();

    private Replies() {
    }

    static byte[] welcome(Principal principal, ServerOptions options) {
        return write(new WelcomeMessage(principal.playerId(), principal.role().claim(), options.maxFrameBytes(), options.messagesPerSecond()));
    }

    static byte[] created(String ref, Versioned<Object> state) {
        return write(new CreatedMessage(ref, state.gameId(), state.version(), state.phase().name()));
    }

    static byte[] joined(String ref, String gameId, String seat, long since) {
        return write(new JoinedMessage(ref, gameId, seat, since >= 0 ? since : null));
    }

    static byte[] left(String ref, String gameId) {
        return write(new LeftMessage(ref, gameId));
    }

    static byte[] result(String ref, CommandResult result) {
        return switch (result) {
            case CommandResult.Accepted accepted -> write(new AcceptedMessage(ref, accepted.gameId(), accepted.commandId(), accepted.version(),
                    accepted.eventCount()));
            case CommandResult.Rejected rejected -> write(new RejectedMessage(ref, rejected.gameId(), rejected.commandId(), rejected.version(),
                    rejected.code(), rejected.message()));
        };
    }

    /** Sent for every version to every subscriber. */
    static byte[] view(String seat, Versioned<Object> view) {
        return write(new ViewMessage(view.gameId(), seat, view.version(), view.phase().name(), view.value()));
    }

    static byte[] ended(String gameId, SubscriptionEnd reason, long lastVersion) {
        return write(new EndedMessage(gameId, reason.name().toLowerCase(Locale.ROOT).replace('_', '-'), lastVersion));
    }

    static byte[] error(String ref, ClientError error) {
        return write(new ErrorMessage(ref, error.code(), error.message()));
    }

    private static byte[] write(Record message) {
        return JSON.write(message);
    }

    @JsonPropertyOrder({"type", "player", "role", "maxFrameBytes", "messagesPerSecond"})
    private record WelcomeMessage(String player, String role, int maxFrameBytes, int messagesPerSecond) {
        @JsonProperty
        String type() {
            return "welcome";
        }
    }

    @JsonPropertyOrder({"type", "ref", "gameId", "version", "phase"})
    private record CreatedMessage(@JsonInclude(Include.NON_EMPTY) String ref, String gameId, long version, String phase) {
        @JsonProperty
        String type() {
            return "created";
        }
    }

    @JsonPropertyOrder({"type", "ref", "gameId", "seat", "since"})
    private record JoinedMessage(@JsonInclude(Include.NON_EMPTY) String ref, String gameId, String seat,
                                 @JsonInclude(Include.NON_NULL) Long since) {
        @JsonProperty
        String type() {
            return "joined";
        }
    }

    @JsonPropertyOrder({"type", "ref", "gameId"})
    private record LeftMessage(@JsonInclude(Include.NON_EMPTY) String ref, String gameId) {
        @JsonProperty
        String type() {
            return "left";
        }
    }

    @JsonPropertyOrder({"type", "ref", "gameId", "commandId", "version", "events"})
    private record AcceptedMessage(@JsonInclude(Include.NON_EMPTY) String ref, String gameId, String commandId, long version, int events) {
        @JsonProperty
        String type() {
            return "accepted";
        }
    }

    @JsonPropertyOrder({"type", "ref", "gameId", "commandId", "version", "code", "message"})
    private record RejectedMessage(@JsonInclude(Include.NON_EMPTY) String ref, String gameId, String commandId, long version, String code,
                                   String message) {
        @JsonProperty
        String type() {
            return "rejected";
        }
    }

    @JsonPropertyOrder({"type", "gameId", "seat", "version", "phase", "view"})
    private record ViewMessage(String gameId, String seat, long version, String phase, Object view) {
        @JsonProperty
        String type() {
            return "view";
        }
    }

    @JsonPropertyOrder({"type", "gameId", "reason", "lastVersion"})
    private record EndedMessage(String gameId, String reason, long lastVersion) {
        @JsonProperty
        String type() {
            return "ended";
        }
    }

    @JsonPropertyOrder({"type", "ref", "code", "message"})
    private record ErrorMessage(@JsonInclude(Include.NON_EMPTY) String ref, String code, String message) {
        @JsonProperty
        String type() {
            return "error";
        }
    }
}
