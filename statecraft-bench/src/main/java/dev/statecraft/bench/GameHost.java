package dev.statecraft.bench;

import dev.statecraft.rules.Actor;
import dev.statecraft.rules.GameType;

/**
 * Where the engine benchmarks run their games: the engine itself, or the hand-rolled baseline. The same
 * driver code runs against both, so the difference between the figures is what the engine's guarantees cost.
 */
interface GameHost extends AutoCloseable {

    /** Names accepted by {@link #start(String)}, as given to the benchmarks' {@code host} parameter. */
    String ENGINE = "engine";
    String HAND_ROLLED = "handRolled";

    static GameHost start(String name) {
        return switch (name) {
            case ENGINE -> EngineHost.start();
            case HAND_ROLLED -> new HandRolledHost();
            default -> throw new IllegalArgumentException("host must be " + ENGINE + " or " + HAND_ROLLED + " (was '" + name + "')");
        };
    }

    void create(GameType<?, ?, ?, ?> type, String gameId);

    Object state(String gameId);

    /** Applies one legal command; returns the game's version after it. Fails if the command is refused. */
    long submit(String gameId, String commandId, Actor actor, Object command);

    /** The game leaves memory, as a finished match does. */
    void retire(String gameId);

    @Override
    void close();
}
