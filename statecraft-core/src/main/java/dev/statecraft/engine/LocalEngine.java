package dev.statecraft.engine;

import dev.statecraft.GameNotFoundException;
import dev.statecraft.engine.CommandResult.Rejected;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Phase;
import dev.statecraft.rules.ReasonCode;
import dev.statecraft.rules.Seat;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.ArchivedGame;
import dev.statecraft.store.GameRecord;
import dev.statecraft.store.Store;
import dev.statecraft.store.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;
import io.micrometer.core.instrument.MeterRegistry;

/** The in-process {@link Engine}: a hot set of games, each written by one thread at a time under its own lock. */
final class LocalEngine implements Engine {
    private static final Pattern GAME_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private final Store store;
    private final boolean ownsStore;
    private final boolean readOnly;
    private final GameTypes types;
    private final EngineOptions options;
    private final Clock clock;
    private final HotGames hot;
    private final History history;
    private final SubscriptionHub subscriptions;
    private final CommandProcessor processor;
    private final EngineMetrics metrics;
    private final WriteBehind writeBehind;
    private final Persister persister;
    private final Archiver archiver;
    private final RecentlyArchived recentlyArchived = new RecentlyArchived(1_024);
    private final AtomicBoolean closed = new AtomicBoolean();

    LocalEngine(Store store, boolean ownsStore, boolean readOnly, List<GameType<?, ?, ?, ?>> gameTypes, EngineOptions options, Clock clock,
                long rootSeed, List<PassivationHook> passivationHooks, MeterRegistry registry) {
        this.store = store;
        this.ownsStore = ownsStore;
        this.readOnly = readOnly;
        this.types = new GameTypes(gameTypes);
        this.options = options;
        this.clock = clock;
        this.metrics = new EngineMetrics(registry);
        this.history = new History(store.events(), store.snapshots(), metrics);
        this.subscriptions = new SubscriptionHub(options.subscriberQueueLimit());
        this.writeBehind = new WriteBehind(store, options.writeBehindCapacity(), options.writeBehindWait(), metrics);
        this.persister = new Persister(store, writeBehind, metrics);
        this.archiver = new Archiver(store);
        this.processor = new CommandProcessor(store.events(), persister, history, subscriptions, metrics, clock, rootSeed, options.conflictRetries());
        this.hot = new HotGames(store, types, history, options, metrics, persister, passivationHooks, clock, readOnly);
        metrics.gauges(hot::size, writeBehind::dirtyGames, writeBehind::pendingWrites);
        hot.warm(options.warmOnStart());
    }

    // --- commands

    @Override
    public <S> Versioned<S> create(GameType<S, ?, ?, ?> type, String gameId, Setup setup) {
        ensureOpen();
        ensureWritable("create games");
        Objects.requireNonNull(setup, "setup");
        checkGameId(gameId);
        if (!types.isRegistered(type)) {
            throw new UnknownGameTypeException("game type " + type.name() + " is not registered with this engine (registered: "
                    + types.names() + ")");
        }
        GameRecord record = new GameRecord(gameId, type.name(), setup.values(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        LiveState initial = History.initial(type, record);
        if (!initial.phase().equals(type.phases().initial())) {
            throw new RulesFailureException("game type " + type.name() + ": the initial state is in phase " + initial.phase().name()
                    + " but the phases start in " + type.phases().initial().name());
        }
        store.games().register(record);
        HotGame game = hot.acquire(gameId);
        try {
            return new Versioned<>(gameId, game.live.version(), game.live.phase(), type.stateType().cast(game.live.state()));
        } finally {
            game.lock.unlock();
        }
    }

    @Override
    public CommandResult submit(String gameId, CommandRequest request) {
        ensureOpen();
        if (readOnly) {
            return new Rejected(gameId, request.commandId(), 0, ReasonCode.READ_ONLY, "this engine is read-only; it accepts no commands");
        }
        HotGame game;
        try {
            game = hot.acquire(gameId);
        } catch (GameNotFoundException e) {
            return store.archive().findArchived(gameId)
                    .map(archived -> Archiver.outcomeOf(archived, request.commandId()).orElseGet(() -> new Rejected(gameId, request.commandId(),
                            archived.finalVersion(), ReasonCode.GAME_ARCHIVED,
                            "game " + gameId + ": archived at version " + archived.finalVersion() + " (" + archived.outcome() + "); it accepts no more commands")))
                    .orElseGet(() -> new Rejected(gameId, request.commandId(), 0, ReasonCode.UNKNOWN_GAME, e.getMessage()));
        }
        try {
            long started = System.nanoTime();
            Phase before = game.live.phase();
            CommandResult result = processor.process(game, request);
            switch (result) {
                case CommandResult.Accepted accepted -> {
                    metrics.accepted(game.type.name(), System.nanoTime() - started);
                    Phase after = game.live.phase();
                    if (!after.equals(before) && game.type.archivePhases().contains(after)) {
                        archiveLocked(game);
                    }
                }
                case CommandResult.Rejected rejected -> metrics.rejected(game.type.name(), rejected.code());
            }
            return result;
        } finally {
            game.lock.unlock();
        }
    }

    // --- reads: a hot or active game from memory or its log; an archived one from its history record

    /** A hot game's state without a lock; then a recently archived one's from memory; then the store's. */
    @Override
    public Versioned<Object> state(String gameId) {
        LiveState hotState = hot.hotState(gameId);
        if (hotState != null) {
            return hotState.versioned(gameId);
        }
        Optional<RecentlyArchived.Final> finished = recentlyArchived.find(gameId);
        if (finished.isPresent()) {
            return finished.get().state();
        }
        try {
            return live(gameId).versioned(gameId);
        } catch (GameNotFoundException e) {
            return archivedState(gameId);
        }
    }

    @Override
    public <S> Versioned<S> state(String gameId, Class<S> stateType) {
        Versioned<Object> state = state(gameId);
        if (!stateType.isInstance(state.value())) {
            throw new ClassCastException("game " + gameId + ": state is a " + state.value().getClass().getName() + ", not a " + stateType.getName());
        }
        return new Versioned<>(gameId, state.version(), state.phase(), stateType.cast(state.value()));
    }

    @Override
    public Versioned<Object> view(String gameId, Seat seat) {
        Objects.requireNonNull(seat, "seat");
        GameType<?, ?, ?, ?> type = typeOf(gameId);
        Versioned<Object> state = state(gameId);
        return new Versioned<>(gameId, state.version(), state.phase(), Erased.rules(type).view(state.value(), seat));
    }

    @Override
    public GameType<?, ?, ?, ?> typeOf(String gameId) {
        HotGame game = hot.get(gameId);
        // A loaded game's type is set before its first live state is published, and never changes.
        if (game != null && game.live != null) {
            return game.type;
        }
        Optional<RecentlyArchived.Final> finished = recentlyArchived.find(gameId);
        if (finished.isPresent()) {
            return finished.get().type();
        }
        try {
            return withGame(gameId, g -> g.type);
        } catch (GameNotFoundException e) {
            ArchivedGame archived = archived(gameId);
            return types.of(gameId, archived.gameType());
        }
    }

    @Override
    public List<RecordedEvent> events(String gameId, long fromVersion, long toVersion) {
        EventSource source = source(gameId);
        GameType<?, ?, ?, ?> type = types.of(source.record());
        List<RecordedEvent> events = new ArrayList<>();
        for (StoredEvent stored : source.read(fromVersion, toVersion)) {
            events.add(new RecordedEvent(gameId, stored.version(), stored.recordedAt(), stored.commandId(), EventEncoding.decode(type, stored)));
        }
        return events;
    }

    @Override
    public Versioned<Object> stateAt(String gameId, long version) {
        EventSource source = source(gameId);
        return history.at(types.of(source.record()), source, version).versioned(gameId);
    }

    @Override
    public Versioned<Object> stateAt(String gameId, Instant instant) {
        EventSource source = source(gameId);
        List<StoredEvent> upTo = source.readUpTo(instant);
        long version = upTo.isEmpty() ? 0 : upTo.getLast().version();
        return history.at(types.of(source.record()), source, version).versioned(gameId);
    }

    @Override
    public List<PhaseTransition> transitions(String gameId) {
        EventSource source = source(gameId);
        return history.transitions(types.of(source.record()), source);
    }

    /**
     * The game's history: its event log while active (first flushing what it has buffered, so history
     * shows every acknowledged command), its replay bundle once archived.
     */
    private EventSource source(String gameId) {
        ensureOpen();
        persister.flush(gameId);
        Optional<GameRecord> active = store.games().find(gameId);
        if (active.isPresent()) {
            return EventSource.active(active.get(), store.events());
        }
        return EventSource.archived(archived(gameId));
    }

    // --- subscriptions

    @Override
    public Subscription subscribe(String gameId, Seat seat, UpdateListener listener) {
        try {
            return withGame(gameId, game -> subscriptions.add(game, seat, listener, List.of(game.live)));
        } catch (GameNotFoundException e) {
            ArchivedGame archived = archived(gameId);
            Versioned<Object> last = archivedState(gameId);
            return subscriptions.addFinished(gameId, types.of(gameId, archived.gameType()), seat, listener,
                    List.of(new LiveState(last.version(), last.phase(), last.value())), SubscriptionEnd.ARCHIVED);
        }
    }

    @Override
    public Subscription resume(String gameId, Seat seat, long lastSeenVersion, UpdateListener listener) {
        try {
            return withGame(gameId, game -> {
                checkResumable(gameId, lastSeenVersion, game.live.version());
                persister.flush(gameId);
                return subscriptions.add(game, seat, listener,
                        history.steps(game.type, EventSource.active(game.record, store.events()), lastSeenVersion, game.live.version()));
            });
        } catch (GameNotFoundException e) {
            ArchivedGame archived = archived(gameId);
            checkResumable(gameId, lastSeenVersion, archived.finalVersion());
            GameType<?, ?, ?, ?> type = types.of(gameId, archived.gameType());
            List<LiveState> missed = history.steps(type, EventSource.archived(archived), lastSeenVersion, archived.finalVersion());
            return subscriptions.addFinished(gameId, type, seat, listener, missed, SubscriptionEnd.ARCHIVED);
        }
    }

    private void checkResumable(String gameId, long lastSeenVersion, long current) {
        if (lastSeenVersion < 0 || lastSeenVersion > current) {
            throw new IllegalArgumentException("game " + gameId + ": cannot resume after version " + lastSeenVersion
                    + "; the game is at version " + current);
        }
        // A subscriber that far behind would overflow at once; replaying that much under the game's lock would stall its players.
        if (current - lastSeenVersion > options.subscriberQueueLimit()) {
            throw new ResumeTooFarBehindException(gameId, lastSeenVersion, current, options.subscriberQueueLimit());
        }
    }

    // --- archive and flush

    @Override
    public ArchivedGame archive(String gameId) {
        ensureWritable("archive games");
        return withGame(gameId, this::archiveLocked);
    }

    private ArchivedGame archiveLocked(HotGame game) {
        persister.flush(game.gameId);
        ArchivedGame archived = archiver.archive(game.type, game.record, game.live, clock.instant().truncatedTo(ChronoUnit.MICROS));
        hot.dropLocked(game);
        recentlyArchived.add(game.gameId, game.type, game.live.versioned(game.gameId));
        subscriptions.finishGame(game.gameId, SubscriptionEnd.ARCHIVED);
        return archived;
    }

    @Override
    public Optional<ArchivedGame> findArchived(String gameId) {
        ensureOpen();
        return store.archive().findArchived(gameId);
    }

    @Override
    public Versioned<Object> archivedState(String gameId) {
        ArchivedGame game = archived(gameId);
        return Archiver.finalState(types.of(game.gameId(), game.gameType()), game);
    }

    @Override
    public Versioned<Object> replayArchived(String gameId) {
        ArchivedGame game = archived(gameId);
        return Archiver.replay(types.of(game.gameId(), game.gameType()), game);
    }

    private ArchivedGame archived(String gameId) {
        return findArchived(gameId).orElseThrow(() -> new GameNotFoundException(gameId));
    }

    @Override
    public void flush(String gameId) {
        ensureOpen();
        persister.flush(gameId);
    }

    // --- registry and hot set

    @Override
    public Optional<GameType<?, ?, ?, ?>> gameType(String name) {
        return types.find(name);
    }

    @Override
    public List<GameType<?, ?, ?, ?>> gameTypes() {
        return types.all();
    }

    @Override
    public EngineOptions options() {
        return options;
    }

    @Override
    public int hotGameCount() {
        return hot.size();
    }

    @Override
    public boolean passivate(String gameId) {
        return hot.passivate(gameId);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            hot.stopPassivating();
            subscriptions.endAll(SubscriptionEnd.ENGINE_CLOSED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hot.passivateAll();
        try {
            writeBehind.close();
        } finally {
            if (ownsStore) {
                store.close();
            }
        }
    }

    // --- internals

    private <T> T withGame(String gameId, Function<HotGame, T> action) {
        ensureOpen();
        return hot.withGame(gameId, action);
    }

    private LiveState live(String gameId) {
        LiveState live = hot.hotState(gameId);
        return live != null ? live : withGame(gameId, g -> g.live);
    }

    private void ensureWritable(String what) {
        if (readOnly) {
            throw new IllegalStateException("this engine is read-only; it cannot " + what);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("engine is closed");
        }
    }

    private static void checkGameId(String gameId) {
        Objects.requireNonNull(gameId, "gameId");
        if (!GAME_ID.matcher(gameId).matches()) {
            throw new IllegalArgumentException("game id must match " + GAME_ID.pattern() + " (was '" + gameId + "')");
        }
    }

}
