package dev.statecraft.engine;

import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Phase;
import dev.statecraft.rules.Seat;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.ArchivedGame;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs games: one writer per game, games in parallel, a bounded set of games hot in memory, every
 * accepted command appended to the store before it is acknowledged.
 *
 * <pre>{@code
 * try (Engine engine = Engine.builder().store(InMemoryStore.create()).register(CARDS).build()) {
 *     engine.create(CARDS, "match-1", Setup.empty());
 *     CommandResult r = engine.submit("match-1", CommandRequest.of("c-1", Actor.player("ann"), new Join("ann")));
 * }
 * }</pre>
 *
 * Reads of an unknown game throw {@link dev.statecraft.GameNotFoundException}; a command to an unknown
 * game is rejected with {@code unknown-game}.
 */
public interface Engine extends AutoCloseable {

    static EngineBuilder builder() {
        return new EngineBuilder();
    }

    /**
     * Creates a game of a registered type at version 0.
     *
     * @throws dev.statecraft.store.GameAlreadyExistsException if the id is taken
     */
    <S> Versioned<S> create(GameType<S, ?, ?, ?> type, String gameId, Setup setup);

    /** Decides and applies one command; returns once its events are stored, or with the reason it was rejected. */
    CommandResult submit(String gameId, CommandRequest request);

    Versioned<Object> state(String gameId);

    <S> Versioned<S> state(String gameId, Class<S> stateType);

    /** What {@code seat} may see of the game now. */
    Versioned<Object> view(String gameId, Seat seat);

    GameType<?, ?, ?, ?> typeOf(String gameId);

    /** Events with {@code fromVersion <= version <= toVersion}, decoded, in order. */
    List<RecordedEvent> events(String gameId, long fromVersion, long toVersion);

    /** The state the game had at {@code version}, rebuilt from its history. */
    Versioned<Object> stateAt(String gameId, long version);

    /** The state the game had at {@code instant}: every event recorded at or before it applied. */
    Versioned<Object> stateAt(String gameId, Instant instant);

    /** Every phase change in the game's history, in order. */
    List<PhaseTransition> transitions(String gameId);

    /** Delivers {@code seat}'s view now, then after every new version. */
    Subscription subscribe(String gameId, Seat seat, UpdateListener listener);

    /**
     * Delivers {@code seat}'s view at every version after {@code lastSeenVersion}, then after every new one.
     *
     * @throws ResumeTooFarBehindException if more than {@link EngineOptions#subscriberQueueLimit()} versions came after
     *         {@code lastSeenVersion}: subscribe afresh for the view now
     */
    Subscription resume(String gameId, Seat seat, long lastSeenVersion, UpdateListener listener);

    /**
     * Archives the game now: writes its history record (final state, outcome, duration, event count and
     * the replay bundle) and removes it from the active tables in one step; its subscriptions end.
     */
    ArchivedGame archive(String gameId);

    Optional<ArchivedGame> findArchived(String gameId);

    /** The final state of an archived game, as recorded. */
    Versioned<Object> archivedState(String gameId);

    /** The state reached by replaying an archived game's replay bundle from its first event. */
    Versioned<Object> replayArchived(String gameId);

    /** Writes everything the game has waiting in the write-behind buffer now (on a client's disconnect, say). */
    void flush(String gameId);

    Optional<GameType<?, ?, ?, ?>> gameType(String name);

    List<GameType<?, ?, ?, ?>> gameTypes();

    /** Number of games in memory now. */
    int hotGameCount();

    /** The options this engine runs with. */
    EngineOptions options();

    /** Passivates the game now if it is hot (hooks run, then it leaves memory); false if it was not hot. */
    boolean passivate(String gameId);

    /**
     * Ends subscriptions, passivates every hot game (flushing what is buffered), stops the engine's
     * threads, and closes a store the engine opened.
     */
    @Override
    void close();

    /** The phase of {@code gameId} now. */
    default Phase phase(String gameId) {
        return state(gameId).phase();
    }
}
