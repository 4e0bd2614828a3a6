package dev.statecraft.examples.cards;

import static dev.statecraft.examples.cards.Table.ANN;
import static dev.statecraft.examples.cards.Table.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.Versioned;
import dev.statecraft.examples.cards.CardCommand.Draw;
import dev.statecraft.examples.cards.CardCommand.Join;
import dev.statecraft.examples.cards.CardCommand.Pass;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.ReasonCode;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.memory.InMemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetriedCommandTest {
    private final Engine engine = Engine.builder().store(InMemoryStore.create()).register(Cards.TYPE).seed(77).build();

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void a_retried_command_returns_an_equal_result_and_applies_once() {
        Table table = Table.started(engine, "retry-draw");
        CommandRequest draw = CommandRequest.of("draw-once", Actor.player(table.turn()), new Draw());

        CommandResult first = engine.submit(table.gameId(), draw);
        Versioned<CardState> afterFirst = table.versioned();
        CommandResult retried = engine.submit(table.gameId(), draw);

        assertThat(first).isInstanceOf(CommandResult.Accepted.class);
        assertThat(retried).isEqualTo(first);
        assertThat(table.versioned()).isEqualTo(afterFirst);
        assertThat(engine.events(table.gameId(), 1, Long.MAX_VALUE)).filteredOn(e -> e.commandId().equals("draw-once")).hasSize(1);
    }

    @Test
    void a_retried_join_that_started_the_match_deals_only_once() {
        Table table = Table.open(engine, "retry-join", Setup.empty());
        table.mustAccept(Actor.player(ANN), new Join());
        CommandRequest join = CommandRequest.of("bob-joins", Actor.player(BOB), new Join());

        CommandResult first = engine.submit(table.gameId(), join);
        Versioned<CardState> dealt = table.versioned();
        CommandResult retried = engine.submit(table.gameId(), join);

        assertThat(first).isEqualTo(new CommandResult.Accepted(table.gameId(), "bob-joins", 3, 2));
        assertThat(retried).isEqualTo(first);
        assertThat(table.versioned()).isEqualTo(dealt);
    }

    @Test
    void a_retried_rejected_command_returns_the_same_rejection_and_changes_nothing() {
        Table table = Table.started(engine, "retry-reject");
        CommandRequest pass = CommandRequest.of("early-pass", Actor.player(table.turn()), new Pass());

        CommandResult first = engine.submit(table.gameId(), pass);
        Versioned<CardState> before = table.versioned();
        CommandResult retried = engine.submit(table.gameId(), pass);

        assertThat(first).isInstanceOfSatisfying(CommandResult.Rejected.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.INVALID_MOVE));
        assertThat(retried).isEqualTo(first);
        assertThat(table.versioned()).isEqualTo(before);
    }
}
