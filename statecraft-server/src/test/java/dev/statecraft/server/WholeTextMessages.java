package dev.statecraft.server;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A JDK WebSocket listener that hands on each text message whole (the JDK may deliver one in parts) and
 * records how the connection ended: its close code, or -1 if it failed.
 */
abstract class WholeTextMessages implements WebSocket.Listener {
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    /** One whole text message from the server. */
    abstract void message(String text);

    /** The connection failed; {@link #closeCode} is then -1. */
    void failed(Throwable error) {
    }

    @Override
    public final CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            message(text);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public final CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public final void onError(WebSocket webSocket, Throwable error) {
        failed(error);
        closeCode.complete(-1);
    }
}
