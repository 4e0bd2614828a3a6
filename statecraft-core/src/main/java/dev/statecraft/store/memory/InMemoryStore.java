package dev.statecraft.store.memory;

import dev.statecraft.GameNotFoundException;
import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.Archive;
import dev.statecraft.store.ArchivedGame;
import dev.statecraft.store.CommandRecord;
import dev.statecraft.store.DuplicateCommandException;
import dev.statecraft.store.EventLog;
import dev.statecraft.store.GameAlreadyExistsException;
import dev.statecraft.store.GameCatalog;
import dev.statecraft.store.GameImport;
import dev.statecraft.store.GameRecord;
import dev.statecraft.store.NewEvent;
import dev.statecraft.store.Snapshot;
import dev.statecraft.store.SnapshotStore;
import dev.statecraft.store.Store;
import dev.statecraft.store.StoreException;
import dev.statecraft.store.StoredEvent;
import dev.statecraft.store.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A store that keeps everything in this process's memory: for tests, examples and benchmarks.
 * Nothing survives the process. Each game's stream is guarded by its own monitor, so games append in parallel.
 */
public final class InMemoryStore implements Store, GameCatalog, EventLog, SnapshotStore, Archive {

    private final ConcurrentSkipListMap<String, GameRecord> catalog = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, Stream> streams = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, ArchivedGame> archived = new ConcurrentSkipListMap<>();
    private volatile boolean closed;

    /**
     * One game's events, command records and snapshots. Archiving marks the game's stream {@link #archived}
     * and puts {@link #ARCHIVED} in its place, so registering, appending and saving refuse an archived game
     * with a field read instead of a lookup in the archive.
     */
    private static final class Stream {
        volatile Instant lastActive = Instant.MIN;
        final List<StoredEvent> events = new ArrayList<>();
        /** Written under the stream's monitor, read without it. */
        final Map<String, CommandRecord> commands = new ConcurrentHashMap<>();
        final NavigableMap<Long, Snapshot> snapshots = new TreeMap<>();
        /** Guarded by the stream's monitor. */
        boolean archived;
    }

    /** The stream of every archived game: empty, and refusing writes. */
    private static final Stream ARCHIVED = archivedStream();

    private static Stream archivedStream() {
        Stream stream = new Stream();
        stream.archived = true;
        return stream;
    }

    private InMemoryStore() {
    }

    public static InMemoryStore create() {
        return new InMemoryStore();
    }

    @Override
    public GameCatalog games() {
        return this;
    }

    @Override
    public EventLog events() {
        return this;
    }

    @Override
    public SnapshotStore snapshots() {
        return this;
    }

    @Override
    public Archive archive() {
        return this;
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("in-memory store is closed");
        }
    }

    private Stream stream(String gameId) {
        Stream stream = streams.get(gameId);
        return stream != null ? stream : streams.computeIfAbsent(gameId, id -> new Stream());
    }

    // --- catalog

    @Override
    public void register(GameRecord game) {
        ensureOpen();
        Stream stream = stream(game.gameId());
        synchronized (stream) {
            if (stream.archived || catalog.putIfAbsent(game.gameId(), game) != null) {
                throw new GameAlreadyExistsException(game.gameId());
            }
        }
    }

    @Override
    public void importGame(GameImport game) {
        ensureOpen();
        Stream stream = stream(game.gameId());
        synchronized (stream) {
            if (stream.archived || catalog.containsKey(game.gameId()) || !stream.events.isEmpty()) {
                throw new GameAlreadyExistsException(game.gameId());
            }
            for (AppendRequest append : game.history()) {
                append(append); // cannot be refused: the stream is empty and GameImport checked that the appends follow one another
            }
            catalog.put(game.gameId(), game.game());
        }
    }

    @Override
    public Optional<GameRecord> find(String gameId) {
        ensureOpen();
        return Optional.ofNullable(catalog.get(gameId));
    }

    @Override
    public List<GameRecord> list(String afterGameId, int limit) {
        ensureOpen();
        return catalog.tailMap(afterGameId, false).values().stream().limit(limit).toList();
    }

    @Override
    public List<GameRecord> mostRecentlyActive(int limit) {
        ensureOpen();
        return catalog.values().stream()
                .sorted(Comparator.comparing((GameRecord g) -> lastActive(g)).reversed())
                .limit(limit)
                .toList();
    }

    private Instant lastActive(GameRecord game) {
        Stream stream = streams.get(game.gameId());
        Instant written = stream == null ? Instant.MIN : stream.lastActive;
        return written.isAfter(game.createdAt()) ? written : game.createdAt();
    }

    // --- event log

    @Override
    public long append(AppendRequest request) {
        ensureOpen();
        Stream stream = stream(request.gameId());
        synchronized (stream) {
            if (stream.archived) {
                throw new StoreException("game " + request.gameId() + ": archived, no more events can be appended");
            }
            CommandRecord seen = stream.commands.get(request.commandId());
            if (seen != null) {
                throw new DuplicateCommandException(seen);
            }
            long actual = stream.events.size();
            if (actual != request.expectedVersion()) {
                throw new VersionConflictException(request.gameId(), request.expectedVersion(), actual);
            }
            long version = actual;
            for (NewEvent e : request.events()) {
                version++;
                stream.events.add(new StoredEvent(request.gameId(), version, e.type(), e.schemaVersion(), e.payload().clone(),
                        request.recordedAt(), request.commandId()));
            }
            stream.commands.put(request.commandId(),
                    new CommandRecord(request.gameId(), request.commandId(), actual + 1, version));
            stream.lastActive = later(stream.lastActive, request.recordedAt());
            return version;
        }
    }

    @Override
    public List<StoredEvent> read(String gameId, long fromVersion, long toVersion) {
        ensureOpen();
        Stream stream = streams.get(gameId);
        if (stream == null) {
            return List.of();
        }
        synchronized (stream) {
            int from = (int) Math.max(0, fromVersion - 1);
            int to = (int) Math.min(stream.events.size(), Math.max(0, toVersion));
            return from >= to ? List.of() : List.copyOf(stream.events.subList(from, to));
        }
    }

    @Override
    public List<StoredEvent> readUpTo(String gameId, Instant instant) {
        ensureOpen();
        Stream stream = streams.get(gameId);
        if (stream == null) {
            return List.of();
        }
        synchronized (stream) {
            return stream.events.stream().takeWhile(e -> !e.recordedAt().isAfter(instant)).toList();
        }
    }

    @Override
    public long lastVersion(String gameId) {
        ensureOpen();
        Stream stream = streams.get(gameId);
        if (stream == null) {
            return 0;
        }
        synchronized (stream) {
            return stream.events.size();
        }
    }

    @Override
    public Optional<CommandRecord> findCommand(String gameId, String commandId) {
        ensureOpen();
        Stream stream = streams.get(gameId);
        return stream == null ? Optional.empty() : Optional.ofNullable(stream.commands.get(commandId));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    // --- snapshots

    @Override
    public void save(Snapshot snapshot) {
        ensureOpen();
        Stream stream = stream(snapshot.gameId());
        synchronized (stream) {
            if (stream.archived) {
                throw new StoreException("game " + snapshot.gameId() + ": archived, no more snapshots can be saved");
            }
            stream.snapshots.put(snapshot.version(), snapshot);
            stream.lastActive = later(stream.lastActive, snapshot.takenAt());
        }
    }

    @Override
    public Optional<Snapshot> latest(String gameId) {
        return latestAtOrBefore(gameId, Long.MAX_VALUE);
    }

    @Override
    public Optional<Snapshot> latestAtOrBefore(String gameId, long version) {
        ensureOpen();
        Stream stream = streams.get(gameId);
        if (stream == null) {
            return Optional.empty();
        }
        synchronized (stream) {
            return Optional.ofNullable(stream.snapshots.floorEntry(version)).map(Map.Entry::getValue);
        }
    }

    // --- archive

    @Override
    public void archive(ArchivedGame game) {
        ensureOpen();
        Stream stream = stream(game.gameId());
        synchronized (stream) {
            if (!catalog.containsKey(game.gameId())) {
                throw new GameNotFoundException(game.gameId());
            }
            archived.put(game.gameId(), game);
            catalog.remove(game.gameId());
            stream.archived = true;
            streams.put(game.gameId(), ARCHIVED);
        }
    }

    @Override
    public Optional<ArchivedGame> findArchived(String gameId) {
        ensureOpen();
        return Optional.ofNullable(archived.get(gameId));
    }

    @Override
    public List<ArchivedGame> listArchived(String afterGameId, int limit) {
        ensureOpen();
        return archived.tailMap(afterGameId, false).values().stream().limit(limit).toList();
    }
}
