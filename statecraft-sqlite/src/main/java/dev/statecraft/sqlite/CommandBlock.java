package dev.statecraft.sqlite;

import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.StoreException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The bytes of one {@code command_runs} row: command records of one game, sorted by command id ({@link CommandRuns},
 * decision record 0013). Big-endian throughout:
 *
 * <pre>
 * block   = format:byte(1) count:int record* crc32c:int   (the checksum of every byte before it)
 * record  = commandId:bytes firstVersion:long lastVersion:long
 * bytes   = length:int byte*   (a command id's UTF-8)
 * </pre>
 *
 * Command ids are sorted by their UTF-8 bytes, compared unsigned, which is how SQLite compares the BLOB of a row's greatest
 * id; no id appears twice. A block holds at least one record.
 */
final class CommandBlock {
    private static final byte FORMAT = 1;

    /** Command ids in the order blocks hold them: by UTF-8 bytes, unsigned. */
    private static final Comparator<byte[]> ID_ORDER = Arrays::compareUnsigned;

    /** A record with its command id's UTF-8, which is what blocks sort and compare. */
    record Entry(byte[] commandId, long firstVersion, long lastVersion) {
        static Entry of(CommandRecord record) {
            return new Entry(record.commandId().getBytes(StandardCharsets.UTF_8), record.firstVersion(), record.lastVersion());
        }

        CommandRecord record(String gameId) {
            return new CommandRecord(gameId, new String(commandId, StandardCharsets.UTF_8), firstVersion, lastVersion);
        }
    }

    private CommandBlock() {
    }

    /**
     * {@code entries} of {@code gameId} sorted by command id, refusing an id recorded twice (a command id is recorded once
     * per game, decision record 0002, so a second record is a bug or damage, never to be stored) and versions a block
     * could not be read back with.
     */
    static List<Entry> sorted(String gameId, List<Entry> entries) {
        for (Entry entry : entries) {
            if (entry.firstVersion() < 1 || entry.lastVersion() < entry.firstVersion()) {
                throw new StoreException("game " + gameId + ": command id " + new String(entry.commandId(), StandardCharsets.UTF_8)
                        + " has versions " + entry.firstVersion() + " to " + entry.lastVersion());
            }
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::commandId, ID_ORDER));
        for (int i = 1; i < sorted.size(); i++) {
            if (Arrays.equals(sorted.get(i - 1).commandId(), sorted.get(i).commandId())) {
                throw new StoreException("game " + gameId + ": command id " + new String(sorted.get(i).commandId(), StandardCharsets.UTF_8)
                        + " is recorded twice, for versions " + sorted.get(i - 1).firstVersion() + " and " + sorted.get(i).firstVersion());
            }
        }
        return sorted;
    }

    /** The block of {@code entries}, at least one, already {@link #sorted}. */
    static byte[] encode(List<Entry> entries) {
        long length = Crc32cTrailer.FRAME_LENGTH + entries.stream().mapToLong(entry -> Integer.BYTES + entry.commandId().length + 2L * Long.BYTES).sum();
        if (length > Integer.MAX_VALUE - 8) {
            throw new StoreException("a command block of " + entries.size() + " records would take " + length + " bytes, more than an array holds");
        }
        ByteBuffer out = ByteBuffer.allocate((int) length);
        out.put(FORMAT);
        out.putInt(entries.size());
        for (Entry entry : entries) {
            out.putInt(entry.commandId().length);
            out.put(entry.commandId());
            out.putLong(entry.firstVersion());
            out.putLong(entry.lastVersion());
        }
        Crc32cTrailer.append(out);
        return out.array();
    }

    /**
     * Every record of a block whose row says its greatest command id is {@code lastId}, checked whole; a block it cannot
     * read, or that does not end at that id, fails, called {@code name}.
     */
    static List<Entry> decode(String name, byte[] lastId, byte[] bytes) {
        List<Entry> entries = new ArrayList<>();
        read(name, lastId, bytes, null, entries);
        return entries;
    }

    /** The record of {@code commandId} (UTF-8) if the block holds it; the block is checked whole, as {@link #decode} checks it. */
    static Optional<Entry> find(String name, byte[] lastId, byte[] bytes, byte[] commandId) {
        List<Entry> found = new ArrayList<>(1);
        read(name, lastId, bytes, commandId, found);
        return found.stream().findFirst();
    }

    /**
     * Reads and checks every record; keeps each one, or only the one of {@code wanted} if it is not null. Ids are compared
     * where they lie in {@code bytes}; only those kept are copied, and, when all are, checked to be UTF-8.
     */
    private static void read(String name, byte[] lastId, byte[] bytes, byte[] wanted, List<Entry> kept) {
        try {
            Crc32cTrailer.check(name, bytes);
            ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - Integer.BYTES);
            byte format = in.get();
            if (format != FORMAT) {
                throw damaged(name, "unknown format " + format);
            }
            int count = in.getInt();
            if (count < 1) {
                throw damaged(name, count + " records");
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed bytes rather than replacing them
            int previousStart = -1;
            int previousEnd = -1;
            for (int i = 0; i < count; i++) {
                int length = in.getInt();
                if (length < 0 || length > in.remaining()) {
                    throw damaged(name, "a command id of " + length + " bytes with " + in.remaining() + " left");
                }
                int start = in.position();
                int end = start + length;
                in.position(end);
                long first = in.getLong();
                long last = in.getLong();
                if (previousStart >= 0 && Arrays.compareUnsigned(bytes, previousStart, previousEnd, bytes, start, end) >= 0) {
                    throw damaged(name, "record " + i + " is out of order");
                }
                if (first < 1 || last < first) {
                    throw damaged(name, "record " + i + " has versions " + first + " to " + last);
                }
                if (wanted == null) {
                    utf8.decode(ByteBuffer.wrap(bytes, start, length));
                    kept.add(new Entry(Arrays.copyOfRange(bytes, start, end), first, last));
                } else if (Arrays.equals(bytes, start, end, wanted, 0, wanted.length)) {
                    kept.add(new Entry(wanted.clone(), first, last));
                }
                previousStart = start;
                previousEnd = end;
            }
            if (in.hasRemaining()) {
                throw damaged(name, in.remaining() + " bytes after its last record");
            }
            if (!Arrays.equals(bytes, previousStart, previousEnd, lastId, 0, lastId.length)) {
                throw damaged(name, "its greatest command id is " + new String(bytes, previousStart, previousEnd - previousStart, StandardCharsets.UTF_8)
                        + ", not the one its key names");
            }
        } catch (BufferUnderflowException | CharacterCodingException e) {
            throw damaged(name, "cut short or damaged (" + e + ")");
        }
    }

    private static StoreException damaged(String name, String why) {
        return new StoreException(name + ": " + why);
    }
}
