package dev.statecraft.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * The socket under a {@link Connection}: sends text messages given as their UTF-8 bytes, and closes.
 * Jetty's own {@code sendText} takes a {@code String} and encodes it again; the server's messages are
 * written by Jackson as bytes to begin with, so they go to Jetty's frames as they are.
 */
interface TextSocket {
    /** Queues one text message, {@code utf8} being valid UTF-8; {@code done} runs once it is written or has failed. */
    void sendText(byte[] utf8, Runnable done);

    /** Closes the WebSocket with a close code and reason (RFC 6455). */
    void close(int code, String reason);

    static TextSocket of(Session session) {
        if (!(session instanceof WebSocketSession jetty)) {
            throw new IllegalArgumentException("not a Jetty WebSocket session: " + session.getClass().getName());
        }
        CoreSession frames = jetty.getCoreSession();
        return new TextSocket() {
            @Override
            public void sendText(byte[] utf8, Runnable done) {
                frames.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(utf8)), Callback.from(done, failure -> done.run()), false);
            }

            @Override
            public void close(int code, String reason) {
                session.close(code, reason, org.eclipse.jetty.websocket.api.Callback.NOOP);
            }
        };
    }
}
