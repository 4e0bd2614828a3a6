package dev.statecraft.bench.server;

import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One simulated player's WebSocket (Jetty's client): stamps the arrival time of every message before
 * parsing it, and hands it to the player's {@link CardPair}. Jetty calls it for one message at a time.
 * Public only because Jetty finds the listener's methods by reflection.
 */
public final class PlayerSocket implements Session.Listener.AutoDemanding {
    private final LoadRun run;
    private final CardPair pair;
    private final int seat;
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private volatile Session session;
    private volatile boolean closing;

    PlayerSocket(LoadRun run, CardPair pair, int seat) {
        this.run = run;
        this.pair = pair;
        this.seat = seat;
    }

    /** Completes when the server's welcome message has arrived. */
    CompletableFuture<Void> welcomed() {
        return welcomed;
    }

    @Override
    public void onWebSocketOpen(Session value) {
        this.session = value;
    }

    @Override
    public void onWebSocketText(String text) {
        long arrival = System.nanoTime();
        ServerMessage message;
        try {
            message = ServerMessage.parse(text);
        } catch (ServerMessage.UnreadableException e) {
            pair.unreadable(seat, text, e.getMessage());
            return;
        }
        if (message.type().equals("welcome")) {
            welcomed.complete(null);
            return;
        }
        pair.received(seat, message, text, arrival);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        if (!closing) {
            run.unexpectedCloses.incrementAndGet();
            run.error("closed-" + statusCode, pair.name() + " seat " + seat + ": " + reason);
            pair.lost();
        }
        welcomed.completeExceptionally(new IllegalStateException("closed with " + statusCode + " " + reason));
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        if (!closing) {
            run.error("socket-error", pair.name() + " seat " + seat + ": " + cause);
        }
    }

    void send(String text) {
        Session current = session;
        if (current == null) {
            run.error("not-open", pair.name() + " seat " + seat + " sent before its socket opened");
            return;
        }
        current.sendText(text, Callback.from(() -> { }, failure -> run.error("send-failed", pair.name() + ": " + failure)));
    }

    boolean isOpen() {
        Session current = session;
        return current != null && current.isOpen();
    }

    void close() {
        closing = true;
        Session current = session;
        if (current != null) {
            current.close(1000, "run over", Callback.NOOP);
        }
    }
}
