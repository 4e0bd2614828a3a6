package dev.statecraft.persistence;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.statecraft.codec.CodecException;
import dev.statecraft.codec.JsonCodec;
import dev.statecraft.store.StoredEvent;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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

    public byte[] toBytes() {
        JsonCodec json = JsonCodec.json();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new ZstdOutputStream(bytes)) {
            writeLine(out, json.write(header));
            for (StoredEvent e : events) {
                JsonNode payload = json.mapper().readTree(e.payload());
                writeLine(out, json.write(new Line(e.version(), e.type(), e.schemaVersion(), e.recordedAt(), e.commandId(), payload)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay bundle of game " + header.gameId(), e);
        }
        return bytes.toByteArray();
    }

    /** @throws CodecException if the bytes are not a replay bundle this version reads */
    public static ReplayBundle fromBytes(byte[] bytes) {
        JsonCodec json = JsonCodec.json();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ZstdInputStream(new ByteArrayInputStream(bytes)), StandardCharsets.UTF_8))) {
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
                events.add(new StoredEvent(header.gameId(), line.version(), line.type(), line.schemaVersion(), json.write(line.payload()),
                        line.recordedAt(), line.commandId()));
            }
            return new ReplayBundle(header, events);
        } catch (IOException e) {
            throw new CodecException("cannot read replay bundle: " + e.getMessage(), e);
        }
    }

    private static void writeLine(OutputStream out, byte[] line) throws IOException {
        out.write(line);
        out.write('\n');
    }
}
