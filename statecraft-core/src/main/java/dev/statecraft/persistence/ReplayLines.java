package dev.statecraft.persistence;

import dev.statecraft.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * The uncompressed text of a replay bundle, built in one growable array: the header line, then one line
 * per event with the fields of {@code ReplayBundle.Line} in its order and the stored payload spliced in as
 * it is. Strings are escaped as Jackson escapes them; the common case, printable ASCII with nothing to
 * escape, is copied as it is.
 */
final class ReplayLines {
    static final String PAYLOAD_KEY = "\"payload\":";
    private static final byte[] VERSION = ascii("{\"version\":");
    private static final byte[] TYPE = ascii(",\"type\":\"");
    private static final byte[] SCHEMA_VERSION = ascii("\",\"schemaVersion\":");
    private static final byte[] RECORDED_AT = ascii(",\"recordedAt\":\"");
    private static final byte[] COMMAND_ID = ascii("\",\"commandId\":\"");
    private static final byte[] PAYLOAD = ascii("\"," + PAYLOAD_KEY);

    private byte[] bytes;
    private int size;

    ReplayLines(byte[] headerLine, int expectedSize) {
        bytes = new byte[Math.max(expectedSize, headerLine.length + 1)];
        add(headerLine);
        add((byte) '\n');
    }

    void add(StoredEvent e) {
        add(VERSION);
        add(ascii(Long.toString(e.version())));
        add(TYPE);
        addJsonString(e.type());
        add(SCHEMA_VERSION);
        add(ascii(Integer.toString(e.schemaVersion())));
        add(RECORDED_AT);
        add(IsoInstant.ascii(e.recordedAt()));
        add(COMMAND_ID);
        addJsonString(e.commandId());
        add(PAYLOAD);
        add(e.payload());
        add((byte) '}');
        add((byte) '\n');
    }

    /** The lines compressed, straight from the array they were built in. */
    byte[] compressed() {
        return Compression.compress(bytes, size);
    }

    private void addJsonString(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                add(JsonStringEncoder.getInstance().quoteAsUTF8(text));
                return;
            }
        }
        room(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    private void add(byte[] more) {
        room(more.length);
        System.arraycopy(more, 0, bytes, size, more.length);
        size += more.length;
    }

    private void add(byte b) {
        room(1);
        bytes[size++] = b;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
