package dev.statecraft.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the server listens and what it allows one client. Validated here, frozen after.
 *
 * @param host              interface to listen on ({@code 0.0.0.0} for all)
 * @param port              TCP port; 0 picks a free one
 * @param maxFrameBytes     largest WebSocket message or HTTP body accepted; larger ones are refused
 * @param messagesPerSecond sustained messages one WebSocket connection may send; more are refused
 * @param messageBurst      messages a connection may send at once before the rate applies
 * @param idleTimeout       a WebSocket connection with no traffic for this long is closed
 * @param allowedOrigins    Origins a browser may connect from; a handshake with another Origin is refused,
 *                          one without an Origin header (a non-browser client) is allowed
 * @param maxConnections    open WebSocket connections at most; the next handshake is refused
 * @param maxQueuedSends    messages waiting to be written to one connection at most; a client that reads
 *                          slower than that is disconnected, so it cannot hold memory for others
 */
public record ServerOptions(
        String host,
        int port,
        int maxFrameBytes,
        int messagesPerSecond,
        int messageBurst,
        Duration idleTimeout,
        Set<String> allowedOrigins,
        int maxConnections,
        int maxQueuedSends) {

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        allowedOrigins = Set.copyOf(allowedOrigins);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535 (was " + port + ")");
        }
        if (maxFrameBytes < 256) {
            throw new IllegalArgumentException("maxFrameBytes must be >= 256 (was " + maxFrameBytes + ")");
        }
        if (messagesPerSecond <= 0) {
            throw new IllegalArgumentException("messagesPerSecond must be > 0 (was " + messagesPerSecond + ")");
        }
        if (messageBurst < 1) {
            throw new IllegalArgumentException("messageBurst must be >= 1 (was " + messageBurst + ")");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be > 0 (was " + idleTimeout + ")");
        }
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("maxConnections must be > 0 (was " + maxConnections + ")");
        }
        if (maxQueuedSends <= 0) {
            throw new IllegalArgumentException("maxQueuedSends must be > 0 (was " + maxQueuedSends + ")");
        }
    }

    public static ServerOptions defaults() {
        return new ServerOptions("0.0.0.0", 8080, 16 * 1024, 50, 100, Duration.ofMinutes(5), Set.of(), 20_000, 1_024);
    }

    public ServerOptions withHost(String value) {
        return new ServerOptions(value, port, maxFrameBytes, messagesPerSecond, messageBurst, idleTimeout, allowedOrigins, maxConnections, maxQueuedSends);
    }

    public ServerOptions withPort(int value) {
        return new ServerOptions(host, value, maxFrameBytes, messagesPerSecond, messageBurst, idleTimeout, allowedOrigins, maxConnections, maxQueuedSends);
    }

    public ServerOptions withMaxFrameBytes(int value) {
        return new ServerOptions(host, port, value, messagesPerSecond, messageBurst, idleTimeout, allowedOrigins, maxConnections, maxQueuedSends);
    }

    public ServerOptions withMessageRate(int perSecond, int burst) {
        return new ServerOptions(host, port, maxFrameBytes, perSecond, burst, idleTimeout, allowedOrigins, maxConnections, maxQueuedSends);
    }

    public ServerOptions withIdleTimeout(Duration value) {
        return new ServerOptions(host, port, maxFrameBytes, messagesPerSecond, messageBurst, value, allowedOrigins, maxConnections, maxQueuedSends);
    }

    public ServerOptions withAllowedOrigins(Set<String> value) {
        return new ServerOptions(host, port, maxFrameBytes, messagesPerSecond, messageBurst, idleTimeout, value, maxConnections, maxQueuedSends);
    }

    public ServerOptions withMaxConnections(int value) {
        return new ServerOptions(host, port, maxFrameBytes, messagesPerSecond, messageBurst, idleTimeout, allowedOrigins, value, maxQueuedSends);
    }

    public ServerOptions withMaxQueuedSends(int value) {
        return new ServerOptions(host, port, maxFrameBytes, messagesPerSecond, messageBurst, idleTimeout, allowedOrigins, maxConnections, value);
    }
}
