package dev.statecraft.sqlite;

import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.StoreException;
import dev.statecraft.store.StoredEvent;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The bytes of one {@code event_journal} row: the appends of one batch, or of one write (decision record 0011, "One
 * journal row a batch"). Big-endian throughout:
 *
 * <pre>
 * row     = format:byte(1) count:int append* crc32c:int   (the checksum of every byte before it)
 * append  = gameId:string commandId:string recordedAtMicros:long firstVersion:long count:int event*
 * event   = type:string schemaVersion:int payload:bytes
 * string  = bytes of its UTF-8
 * bytes   = length:int byte*
 * </pre>
 *
 * Every event of an append shares its command id and instant; its versions run on from {@code firstVersion}. A row
 * holds at least one append, and an append at least one event.
 */
final class JournalRow {
    private static final byte FORMAT = 1;

    private JournalRow() {
    }

    /** The bytes of a row besides its appends: format, count, checksum. */
    static final int FRAME_LENGTH = 1 + Integer.BYTES + Integer.BYTES;

    static byte[] encode(List<EventJournal.Append> appends) {
        return encode(appends, appends.stream().mapToLong(JournalRow::maxLength).sum());
    }

    /** {@code appendsLength}: the sum of {@link #maxLength} over {@code appends}, which the caller measured already. */
    static byte[] encode(List<EventJournal.Append> appends, long appendsLength) {
        long length = FRAME_LENGTH + appendsLength;
        if (length > Integer.MAX_VALUE - 8) {
            throw new StoreException("a journal row of " + appends.size() + " appends would take " + length + " bytes, more than an array holds");
        }
        ByteBuffer out = ByteBuffer.allocate((int) length);
        out.put(FORMAT);
        out.putInt(appends.size());
        for (EventJournal.Append append : appends) {
            CommandRecord command = append.command();
            List<StoredEvent> events = append.events();
            putString(out, command.gameId());
            putString(out, command.commandId());
            out.putLong(events.isEmpty() ? 0 : Micros.of(events.getFirst().recordedAt()));
            out.putLong(command.firstVersion());
            out.putInt(events.size());
            for (StoredEvent event : events) {
                putString(out, event.type());
                out.putInt(event.schemaVersion());
                putBytes(out, event.payload());
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return Arrays.copyOf(out.array(), out.position());
    }

    /** At least the bytes {@code append} takes in a row: a character takes at most 3 bytes of UTF-8 (a pair of surrogates, 4 for 2). */
    static long maxLength(EventJournal.Append append) {
        long length = 2L * Integer.BYTES + 3L * (append.command().gameId().length() + append.command().commandId().length()) + 2L * Long.BYTES + Integer.BYTES;
        for (StoredEvent event : append.events()) {
            length += Integer.BYTES + 3L * event.type().length() + Integer.BYTES + Integer.BYTES + event.payload().length;
        }
        return length;
    }

    /** The appends of the row numbered {@code row}, as {@link #encode} wrote them; a row it cannot read fails naming it. */
    static List<EventJournal.Append> decode(long row, byte[] bytes) {
        try {
            checkCrc(row, bytes); // first: a damaged format byte is damage, not a format of a later version
            ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - Integer.BYTES);
            byte format = in.get();
            if (format != FORMAT) {
                throw damaged(row, "unknown format " + format);
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed bytes rather than replacing them
            int count = atLeastOne(row, in.getInt(), "appends");
            List<EventJournal.Append> appends = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String gameId = string(in, utf8);
                String commandId = string(in, utf8);
                Instant recordedAt = Micros.toInstant(in.getLong());
                long firstVersion = in.getLong();
                int eventCount = atLeastOne(row, in.getInt(), "events");
                if (firstVersion < 1 || firstVersion > Long.MAX_VALUE - eventCount) {
                    throw damaged(row, "first version " + firstVersion);
                }
                List<StoredEvent> events = new ArrayList<>();
                for (int e = 0; e < eventCount; e++) {
                    events.add(new StoredEvent(gameId, firstVersion + e, string(in, utf8), in.getInt(), bytes(in), recordedAt, commandId));
                }
                appends.add(new EventJournal.Append(row, new CommandRecord(gameId, commandId, firstVersion, firstVersion + eventCount - 1),
                        List.copyOf(events)));
            }
            if (in.hasRemaining()) {
                throw damaged(row, in.remaining() + " bytes after its last append");
            }
            return appends;
        } catch (BufferUnderflowException | IllegalArgumentException | CharacterCodingException e) {
            throw damaged(row, "cut short or damaged (" + e + ")");
        }
    }

    private static void checkCrc(long row, byte[] bytes) {
        if (bytes.length < FRAME_LENGTH) {
            throw damaged(row, "cut short (" + bytes.length + " bytes)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - Integer.BYTES);
        int stored = ByteBuffer.wrap(bytes, bytes.length - Integer.BYTES, Integer.BYTES).getInt();
        if (stored != (int) crc.getValue()) {
            throw damaged(row, "checksum mismatch, cut short or damaged");
        }
    }

    private static int atLeastOne(long row, int count, String what) {
        if (count < 1) {
            throw damaged(row, count + " " + what);
        }
        return count;
    }

    private static StoreException damaged(long row, String why) {
        return new StoreException("event_journal row " + row + ": " + why);
    }

    private static void putString(ByteBuffer out, String value) {
        putBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void putBytes(ByteBuffer out, byte[] value) {
        out.putInt(value.length);
        out.put(value);
    }

    private static String string(ByteBuffer in, CharsetDecoder utf8) throws CharacterCodingException {
        return utf8.decode(ByteBuffer.wrap(bytes(in))).toString();
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
}
