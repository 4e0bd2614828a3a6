package dev.statecraft.sqlite;

import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.StoreException;
import dev.statecraft.store.StoredEvent;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of one {@code event_journal} row: the appends of one batch, or of one write (decision record 0011, "One
 * journal row a batch"). Big-endian throughout:
 *
 * <pre>
 * row     = format:byte(1) count:int append*
 * append  = gameId:string commandId:string recordedAtMicros:long firstVersion:long count:int event*
 * event   = type:string schemaVersion:int payload:bytes
 * string  = bytes of its UTF-8
 * bytes   = length:int byte*
 * </pre>
 *
 * Every event of an append shares its command id and instant; its versions run on from {@code firstVersion}.
 */
final class JournalRow {
    private static final byte FORMAT = 1;

    private JournalRow() {
    }

    static byte[] encode(List<EventJournal.Append> appends) {
        Writer out = new Writer();
        out.buffer.put(FORMAT);
        out.buffer.putInt(appends.size());
        for (EventJournal.Append append : appends) {
            CommandRecord command = append.command();
            List<StoredEvent> events = append.events();
            out.string(command.gameId());
            out.string(command.commandId());
            out.room(Long.BYTES * 2 + Integer.BYTES);
            out.buffer.putLong(events.isEmpty() ? 0 : Micros.of(events.getFirst().recordedAt()));
            out.buffer.putLong(command.firstVersion());
            out.buffer.putInt(events.size());
            for (StoredEvent event : events) {
                out.string(event.type());
                out.room(Integer.BYTES);
                out.buffer.putInt(event.schemaVersion());
                out.bytes(event.payload());
            }
        }
        return Arrays.copyOf(out.buffer.array(), out.buffer.position());
    }

    /** The appends of the row numbered {@code row}, as {@link #encode} wrote them; a row it cannot read fails naming it. */
    static List<EventJournal.Append> decode(long row, byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte format = in.get();
            if (format != FORMAT) {
                throw new StoreException("event_journal row " + row + ": unknown format " + format);
            }
            int count = in.getInt();
            List<EventJournal.Append> appends = new ArrayList<>(Math.min(count, bytes.length));
            for (int i = 0; i < count; i++) {
                String gameId = string(in);
                String commandId = string(in);
                Instant recordedAt = Micros.toInstant(in.getLong());
                long firstVersion = in.getLong();
                int eventCount = in.getInt();
                List<StoredEvent> events = new ArrayList<>(Math.min(eventCount, in.remaining()));
                for (int e = 0; e < eventCount; e++) {
                    events.add(new StoredEvent(gameId, firstVersion + e, string(in), in.getInt(), bytes(in), recordedAt, commandId));
                }
                appends.add(new EventJournal.Append(row, new CommandRecord(gameId, commandId, firstVersion, firstVersion + eventCount - 1),
                        List.copyOf(events)));
            }
            if (in.hasRemaining()) {
                throw new StoreException("event_journal row " + row + ": " + in.remaining() + " bytes after its last append");
            }
            return appends;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new StoreException("event_journal row " + row + ": cut short or damaged (" + e + ")", e);
        }
    }

    private static String string(ByteBuffer in) {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a length of " + length + " with " + in.remaining() + " bytes left");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    /** A heap buffer that doubles when a write needs more room. */
    private static final class Writer {
        private ByteBuffer buffer = ByteBuffer.allocate(4096);

        void room(int needed) {
            if (buffer.remaining() < needed) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + needed));
                larger.put(buffer.flip());
                buffer = larger;
            }
        }

        void string(String value) {
            bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] value) {
            room(Integer.BYTES + value.length);
            buffer.putInt(value.length);
            buffer.put(value);
        }
    }
}
