package dev.statecraft.server;

import dev.statecraft.engine.CommandResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/** The server's own figures: open connections, commands by outcome, refused messages by error code. */
final class ServerMetrics {
    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter rejected;

    ServerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("statecraft.server.commands").tag("outcome", "accepted")
                .description("commands received by the server, by outcome").register(registry);
        this.rejected = Counter.builder("statecraft.server.commands").tag("outcome", "rejected")
                .description("commands received by the server, by outcome").register(registry);
    }

    void connections(AtomicInteger open) {
        Gauge.builder("statecraft.server.connections", open, AtomicInteger::get)
                .description("open WebSocket connections").register(registry);
    }

    void command(CommandResult result) {
        (result.isAccepted() ? accepted : rejected).increment();
    }

    void refused(String code) {
        Counter.builder("statecraft.server.refused").tag("code", code)
                .description("client messages and requests refused, by error code").register(registry).increment();
    }
}
