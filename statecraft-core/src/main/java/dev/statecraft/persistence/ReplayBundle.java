package dev.statecraft.persistence;

import dev.statecraft.codec.CodecException;
import dev.statecraft.codec.JsonCodec;
import dev.statecraft.store.StoredEvent;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A game's whole history in one zstd-compressed file of JSON lines: a header line naming the game,
 * its type and setup, then one line per event. Archives keep one; {@code statecraft export} writes one.
 */
public record ReplayBundle(Header header, List<StoredEvent> events) {
    public static final String FORMAT = "statecraft-replay";
    public static final int FORMAT_VERSION = 1;
    private static final String PAYLOAD_KEY = ReplayLines.PAYLOAD_KEY;

    public record Header(String format, int formatVersion, String gameId, String gameType, Map<String, String> setup, Instant createdAt) {
    }

    private record Line(long version, String type, int schemaVersion, Instant recordedAt, String commandId, JsonNode payload) {
    }

    public ReplayBundle {
        events = List.copyOf(events);
    }

    public static ReplayBundle of(String gameId, String gameType, Map<String, String> setup, Instant createdAt, List<StoredEvent> events) {
        return new ReplayBundle(new Header(FORMAT, FORMAT_VERSION, gameId, gameType, setup, createdAt), events);
    }

    /** The bundle compressed; event payloads are JSON already and are spliced in as stored, neither parsed nor written again. */
    public byte[] toBytes() {
        int size = 256;
        for (StoredEvent e : events) {
            size += e.payload().length + 128;
        }
        ReplayLines lines = new ReplayLines(JsonCodec.json().write(header), size);
        for (StoredEvent e : events) {
            lines.add(e);
        }
        return lines.compressed();
    }

    /** @throws CodecException if the bytes are not a replay bundle this version reads */
    public static ReplayBundle fromBytes(byte[] bytes) {
        JsonCodec json = JsonCodec.json();
        byte[] raw;
        try {
            raw = Compression.decompress(bytes);
        } catch (RuntimeException e) {
            throw new CodecException("not a replay bundle: " + e.getMessage(), e);
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(raw), StandardCharsets.UTF_8))) {
            String first = in.readLine();
            if (first == null) {
                throw new CodecException("replay bundle is empty", null);
            }
            Header header = json.read(first.getBytes(StandardCharsets.UTF_8), Header.class);
            if (!FORMAT.equals(header.format()) || header.formatVersion() != FORMAT_VERSION) {
                throw new CodecException("not a " + FORMAT + " v" + FORMAT_VERSION + " bundle (found " + header.format() + " v" + header.formatVersion() + ")", null);
            }
            List<StoredEvent> events = new ArrayList<>();
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                Line line = json.read(text.getBytes(StandardCharsets.UTF_8), Line.class);
                events.add(new StoredEvent(header.gameId(), line.version(), line.type(), line.schemaVersion(), rawPayload(text),
                        line.recordedAt(), line.commandId()));
            }
            return new ReplayBundle(header, events);
        } catch (IOException e) {
            throw new CodecException("cannot read replay bundle: " + e.getMessage(), e);
        }
    }

    /** The payload exactly as stored: the text after the first {@code "payload":}, which no escaped string can contain. */
    private static byte[] rawPayload(String line) {
        int at = line.indexOf(PAYLOAD_KEY);
        if (at < 0 || !line.endsWith("}")) {
            throw new CodecException("replay bundle line has no payload: " + line, null);
        }
        return line.substring(at + PAYLOAD_KEY.length(), line.length() - 1).getBytes(StandardCharsets.UTF_8);
    }
}
