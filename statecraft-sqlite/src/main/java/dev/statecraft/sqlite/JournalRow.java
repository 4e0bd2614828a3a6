package dev.statecraft.sqlite;

import dev.statecraft.store.NewEvent;
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

/**
 * The bytes of one {@code event_journal} row: the appends of one batch, or of one write (decision record 0011, "One
 * journal row a batch"); and the bytes of each append, which is how the journal holds it in memory too. A row of
 * {@code event_chunks} holds a game's moved appends in the same format ({@link EventChunks}). Big-endian throughout:
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

    /** The bytes of one append: what a row holds of it. */
    static byte[] encodeAppend(String gameId, String commandId, long recordedAtMicros, long firstVersion, List<NewEvent> events) {
        byte[] game = gameId.getBytes(StandardCharsets.UTF_8);
        byte[] command = commandId.getBytes(StandardCharsets.UTF_8);
        byte[][] types = new byte[events.size()][];
        long length = Integer.BYTES + game.length + Integer.BYTES + command.length + 2L * Long.BYTES + Integer.BYTES;
        for (int i = 0; i < types.length; i++) {
            NewEvent event = events.get(i);
            types[i] = event.type().getBytes(StandardCharsets.UTF_8);
            length += Integer.BYTES + types[i].length + Integer.BYTES + Integer.BYTES + event.payload().length;
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new StoreException("game " + gameId + ": an append of " + events.size() + " events would take " + length + " bytes, more than an array holds");
        }
        ByteBuffer out = ByteBuffer.allocate((int) length);
        putBytes(out, game);
        putBytes(out, command);
        out.putLong(recordedAtMicros);
        out.putLong(firstVersion);
        out.putInt(events.size());
        for (int i = 0; i < types.length; i++) {
            putBytes(out, types[i]);
            out.putInt(events.get(i).schemaVersion());
            putBytes(out, events.get(i).payload());
        }
        return out.array();
    }

    /**
     * {@code appends} cut, in order, into the runs that rows of at most {@code maxBytes} bytes of appends hold: an append
     * larger than that alone. Views of {@code appends}.
     */
    static List<List<EventJournal.Append>> rows(List<EventJournal.Append> appends, long maxBytes) {
        List<List<EventJournal.Append>> rows = new ArrayList<>();
        int from = 0;
        long bytes = 0;
        for (int i = 0; i < appends.size(); i++) {
            long next = appends.get(i).bytes().length;
            if (i > from && bytes + next > maxBytes) {
                rows.add(appends.subList(from, i));
                from = i;
                bytes = 0;
            }
            bytes += next;
        }
        if (from < appends.size()) {
            rows.add(appends.subList(from, appends.size()));
        }
        return rows;
    }

    /** The row of {@code appends}, their bytes one after another, framed. */
    static byte[] encode(List<EventJournal.Append> appends) {
        long length = Crc32cTrailer.FRAME_LENGTH + appends.stream().mapToLong(append -> append.bytes().length).sum();
        if (length > Integer.MAX_VALUE - 8) {
            throw new StoreException("a journal row of " + appends.size() + " appends would take " + length + " bytes, more than an array holds");
        }
        ByteBuffer out = ByteBuffer.allocate((int) length);
        out.put(FORMAT);
        out.putInt(appends.size());
        appends.forEach(append -> out.put(append.bytes()));
        Crc32cTrailer.append(out);
        return out.array();
    }

    /**
     * The appends of the row numbered {@code row}, as {@link #encode} wrote them, each checked whole; a row it cannot
     * read fails naming it.
     */
    static List<EventJournal.Append> decode(long row, byte[] bytes) {
        List<EventJournal.Append> appends = new ArrayList<>();
        read(journalRow(row), bytes, (events, start, end) -> appends.add(
                new EventJournal.Append(row, events.getFirst().gameId(), events.getFirst().version(), events.size(), Arrays.copyOfRange(bytes, start, end))));
        return appends;
    }

    /**
     * The events of every append of {@code bytes}, written by {@link #encode} and checked as {@link #decode} checks them;
     * bytes it cannot read fail naming them as {@code name} (an {@code event_chunks} row: {@link EventChunks}).
     */
    static List<StoredEvent> events(String name, byte[] bytes) {
        List<StoredEvent> all = new ArrayList<>();
        read(name, bytes, (events, start, end) -> all.addAll(events));
        return all;
    }

    /** The events of an append's bytes, which {@link #decode} checked or {@link #encodeAppend} wrote. */
    static List<StoredEvent> events(long row, byte[] append) {
        try {
            return readAppend(journalRow(row), ByteBuffer.wrap(append), null);
        } catch (BufferUnderflowException | IllegalArgumentException | CharacterCodingException e) {
            throw damaged(journalRow(row), "an append cut short or damaged (" + e + ")"); // a bug: these bytes were read whole before
        }
    }

    /** Each append of {@code bytes}: its events and where its bytes start and end. */
    private interface AppendReader {
        void read(List<StoredEvent> events, int start, int end);
    }

    private static void read(String name, byte[] bytes, AppendReader reader) {
        try {
            Crc32cTrailer.check(name, bytes); // first: a damaged format byte is damage, not a format of a later version
            ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - Integer.BYTES);
            byte format = in.get();
            if (format != FORMAT) {
                throw damaged(name, "unknown format " + format);
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed bytes rather than replacing them
            int count = atLeastOne(name, in.getInt(), "appends");
            for (int i = 0; i < count; i++) {
                int start = in.position();
                List<StoredEvent> events = readAppend(name, in, utf8);
                reader.read(events, start, in.position());
            }
            if (in.hasRemaining()) {
                throw damaged(name, in.remaining() + " bytes after its last append");
            }
        } catch (BufferUnderflowException | IllegalArgumentException | CharacterCodingException e) {
            throw damaged(name, "cut short or damaged (" + e + ")");
        }
    }

    /** Reads only the header of {@code append}, as it does not check it: for bytes {@link #encodeAppend} wrote. */
    static String commandId(byte[] append) {
        ByteBuffer in = ByteBuffer.wrap(append);
        skipBytes(in); // the game id
        int length = in.getInt();
        return new String(append, in.position(), length, StandardCharsets.UTF_8);
    }

    /** As {@link #commandId}. */
    static long recordedAtMicros(byte[] append) {
        ByteBuffer in = ByteBuffer.wrap(append);
        skipBytes(in); // the game id
        skipBytes(in); // the command id
        return in.getLong();
    }

    private static List<StoredEvent> readAppend(String name, ByteBuffer in, CharsetDecoder utf8) throws CharacterCodingException {
        String gameId = string(in, utf8);
        String commandId = string(in, utf8);
        Instant recordedAt = Micros.toInstant(in.getLong());
        long firstVersion = in.getLong();
        int eventCount = atLeastOne(name, in.getInt(), "events");
        if (firstVersion < 1 || firstVersion > Long.MAX_VALUE - eventCount) {
            throw damaged(name, "first version " + firstVersion);
        }
        List<StoredEvent> events = new ArrayList<>(eventCount);
        for (int e = 0; e < eventCount; e++) {
            events.add(new StoredEvent(gameId, firstVersion + e, string(in, utf8), in.getInt(), bytes(in), recordedAt, commandId));
        }
        return events;
    }

    private static int atLeastOne(String name, int count, String what) {
        if (count < 1) {
            throw damaged(name, count + " " + what);
        }
        return count;
    }

    private static String journalRow(long row) {
        return "event_journal row " + row;
    }

    private static StoreException damaged(String name, String why) {
        return new StoreException(name + ": " + why);
    }

    private static void putBytes(ByteBuffer out, byte[] value) {
        out.putInt(value.length);
        out.put(value);
    }

    /**
     * A string of {@code in}, a wrapped array: checked by {@code utf8} (bytes read from the file), or, if null, decoded
     * as they were written (bytes this process encoded).
     */
    private static String string(ByteBuffer in, CharsetDecoder utf8) throws CharacterCodingException {
        int length = length(in);
        int start = in.position();
        in.position(start + length);
        return utf8 != null ? utf8.decode(in.slice(start, length)).toString() : new String(in.array(), start, length, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer in) {
        byte[] bytes = new byte[length(in)];
        in.get(bytes);
        return bytes;
    }

    private static int length(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a length of " + length + " with " + in.remaining() + " bytes left");
        }
        return length;
    }

    private static void skipBytes(ByteBuffer in) {
        int length = in.getInt();
        in.position(in.position() + length);
    }
}
