package dev.statecraft.sqlite.crash;

import dev.statecraft.engine.EngineOptions;
import dev.statecraft.examples.cards.CardCommand;
import dev.statecraft.examples.cards.CardEvent;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.persistence.Persistence;
import dev.statecraft.persistence.WritePolicy;
import dev.statecraft.rules.GameType;
import java.time.Duration;
import java.util.Locale;

/**
 * The card game as the crash test stores it: the example's rules and phases, a snapshot every five
 * events so recovery starts from snapshots, and no archive, so finished matches stay in the active
 * tables where the checks can read them.
 */
enum CrashGame {
    DURABLE(WritePolicy.durable()),
    BUFFERED(WritePolicy.buffered(Duration.ofMillis(CrashGame.FLUSH_EVERY_MILLIS), 10_000));

    /** The buffered policy's flush interval T: the loss window the buffered run is held to. */
    static final long FLUSH_EVERY_MILLIS = 100;
    static final int SNAPSHOT_EVERY = 5;

    private final GameType<CardState, CardCommand, CardEvent, ?> type;

    CrashGame(WritePolicy policy) {
        this.type = GameType.builder("cards-" + name().toLowerCase(Locale.ROOT), Cards.RULES, CardState.class, CardCommand.class, CardEvent.class)
                .phases(Cards.PHASES)
                .outcome(state -> state.outcome().describe())
                .persistence(Persistence.defaults().withSnapshotEvery(SNAPSHOT_EVERY).withWritePolicy(policy))
                .build();
    }

    GameType<CardState, CardCommand, CardEvent, ?> type() {
        return type;
    }

    /** Games stay hot for the whole run: nothing is passivated, so only the write policy decides when events reach the disk. */
    static EngineOptions engineOptions() {
        return EngineOptions.defaults().withPassivateAfter(Duration.ZERO);
    }

    static CrashGame parse(String policy) {
        return valueOf(policy.toUpperCase(Locale.ROOT));
    }
}
