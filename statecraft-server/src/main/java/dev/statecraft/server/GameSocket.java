package dev.statecraft.server;

import dev.statecraft.GameNotFoundException;
import dev.statecraft.engine.BufferFullException;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.ResumeTooFarBehindException;
import dev.statecraft.engine.Subscription;
import dev.statecraft.engine.SubscriptionEnd;
import dev.statecraft.engine.UpdateListener;
import dev.statecraft.engine.Versioned;
import dev.statecraft.rules.Seat;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The WebSocket endpoint: one {@link Connection} per client, each message parsed, checked and carried
 * out, every outcome answered with one reply. The handshake (token, Origin, connection count) is
 * checked before the upgrade by {@link StatecraftServer}.
 */
final class GameSocket {
    static final String PRINCIPAL = "statecraft.principal";
    private static final Logger log = LoggerFactory.getLogger(GameSocket.class);

    private final Engine engine;
    private final PlayerActions actions;
    private final ServerOptions options;
    private final ServerMetrics metrics;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    GameSocket(Engine engine, ServerOptions options, ServerMetrics metrics) {
        this.engine = engine;
        this.actions = new PlayerActions(engine);
        this.options = options;
        this.metrics = metrics;
        metrics.connections(open);
    }

    void configure(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onMessage(this::received);
        ws.onBinaryMessage(ctx -> refuseBinary(ctx.sessionId()));
        ws.onClose(this::closed);
        ws.onError(ctx -> log.debug("websocket {}: {}", ctx.sessionId(), String.valueOf(ctx.error())));
    }

    boolean isFull() {
        return open.get() >= options.maxConnections();
    }

    int openConnections() {
        return open.get();
    }

    private void connected(WsConnectContext ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        Connection connection = new Connection(TextSocket.of(ctx.session), principal, options);
        connections.put(ctx.sessionId(), connection);
        if (open.incrementAndGet() > options.maxConnections()) {
            connection.send(Replies.error("", ClientError.of(ClientError.TOO_MANY_CONNECTIONS,
                    "the server holds its maximum of " + options.maxConnections() + " connections")));
            connection.close(Connection.TRY_AGAIN_LATER, "too many connections");
            return;
        }
        connection.send(Replies.welcome(principal, options));
    }

    private void closed(WsCloseContext ctx) {
        Connection connection = connections.remove(ctx.sessionId());
        if (connection != null) {
            connection.release();
            open.decrementAndGet();
        }
    }

    private void refuseBinary(String sessionId) {
        Connection connection = connections.get(sessionId);
        if (connection != null && connection.admitMessage()) {
            metrics.refused(ClientError.UNKNOWN_TYPE);
            connection.send(Replies.error("", ClientError.of(ClientError.UNKNOWN_TYPE, "the protocol is JSON text messages; binary messages are refused")));
        }
    }

    private void received(WsMessageContext ctx) {
        Connection connection = connections.get(ctx.sessionId());
        if (connection == null) {
            return;
        }
        if (!connection.admitMessage()) {
            metrics.refused(ClientError.RATE_LIMITED);
            connection.send(Replies.error(FrameParser.refOf(ctx.message()), ClientError.of(ClientError.RATE_LIMITED,
                    "more than " + options.messagesPerSecond() + " messages per second; this one was dropped")));
            return;
        }
        String ref = "";
        try {
            JsonNode tree = FrameParser.tree(ctx.message());
            ref = FrameParser.ref(tree);
            handle(connection, ref, FrameParser.parse(tree));
        } catch (ClientErrorException e) {
            metrics.refused(e.error().code());
            connection.send(Replies.error(ref, e.error()));
        } catch (GameNotFoundException e) {
            metrics.refused(ClientError.UNKNOWN_GAME);
            connection.send(Replies.error(ref, PlayerActions.unknownGame(e.gameId()).error()));
        } catch (BufferFullException e) {
            metrics.refused(ClientError.BUSY);
            connection.send(Replies.error(ref, ClientError.of(ClientError.BUSY, e.getMessage())));
        } catch (RuntimeException e) {
            metrics.refused(ClientError.INTERNAL);
            log.error("websocket {} of {}: message failed", ctx.sessionId(), connection.principal().playerId(), e);
            connection.send(Replies.error(ref, ClientError.of(ClientError.INTERNAL, "the server failed to handle the message; it was not applied")));
        }
    }

    private void handle(Connection connection, String ref, ClientFrame frame) {
        switch (frame) {
            case ClientFrame.Create create ->
                    connection.send(Replies.created(ref, actions.create(create.gameType(), create.gameId(), create.setup())));
            case ClientFrame.Join join -> join(connection, ref, join);
            case ClientFrame.Leave leave -> {
                if (!connection.unsubscribe(leave.gameId())) {
                    throw ClientError.refuse(ClientError.NOT_JOINED, "this connection has not joined " + leave.gameId());
                }
                connection.send(Replies.left(ref, leave.gameId()));
            }
            case ClientFrame.Command command -> {
                CommandResult result = actions.submit(connection.principal(), command.gameId(), command.commandId(),
                        command.name(), command.payload(), command.expectedVersion());
                metrics.command(result);
                connection.send(Replies.result(ref, result));
            }
        }
    }

    private void join(Connection connection, String ref, ClientFrame.Join join) {
        if (!connection.maySubscribe(join.gameId())) {
            throw ClientError.refuse(ClientError.TOO_MANY_SUBSCRIPTIONS, "a connection may join at most " + Connection.MAX_SUBSCRIPTIONS + " games");
        }
        Seat seat = join.spectator() ? Seat.spectator() : Seat.player(connection.principal().playerId());
        String seatName = join.spectator() ? "spectator" : connection.principal().playerId();
        // The engine checks the join (the game, since) as it subscribes; the views wait for the joined reply,
        // which must reach the client first.
        CountDownLatch replied = new CountDownLatch(1);
        Subscription subscription;
        try {
            subscription = subscribe(connection, join, seat, seatName, replied);
        } catch (ResumeTooFarBehindException e) {
            throw ClientError.refuse(ClientError.TOO_FAR_BEHIND, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ClientError.refuse(ClientError.INVALID_FIELD, "'since': " + e.getMessage());
        }
        try {
            connection.send(Replies.joined(ref, join.gameId(), seatName, join.since()));
        } finally {
            replied.countDown();
            connection.track(subscription);
        }
    }

    private Subscription subscribe(Connection connection, ClientFrame.Join join, Seat seat, String seatName, CountDownLatch replied) {
        AtomicReference<Subscription> self = new AtomicReference<>();
        AtomicLong lastSent = new AtomicLong(join.since());
        UpdateListener listener = new UpdateListener() {
            @Override
            public void onUpdate(Versioned<Object> update) {
                awaitUninterruptibly(replied);
                connection.send(Replies.view(seatName, update));
                lastSent.set(update.version());
            }

            @Override
            public void onEnd(SubscriptionEnd reason) {
                if (reason == SubscriptionEnd.CLOSED) {
                    return;
                }
                awaitUninterruptibly(replied);
                connection.send(Replies.ended(join.gameId(), reason, lastSent.get()));
                Subscription subscription = self.get();
                if (subscription != null) {
                    connection.forget(subscription);
                }
            }
        };
        Subscription subscription = join.since() == ClientFrame.Join.FROM_NOW
                ? engine.subscribe(join.gameId(), seat, listener)
                : engine.resume(join.gameId(), seat, join.since(), listener);
        self.set(subscription);
        return subscription;
    }

    /** Waits for the joined reply; the subscription's own thread waits here, nobody else. */
    private static void awaitUninterruptibly(CountDownLatch replied) {
        boolean interrupted = false;
        while (true) {
            try {
                replied.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
