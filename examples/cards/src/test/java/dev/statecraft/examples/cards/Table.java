package dev.statecraft.examples.cards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.Versioned;
import dev.statecraft.examples.cards.CardCommand.Join;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Setup;

/** One match in a real engine, with numbered command ids and the assertions the rule tests share. */
final class Table {
    static final String ANN = "ann";
    static final String BOB = "bob";
    static final String STRANGER = "cyd";

    private final Engine engine;
    private final String gameId;
    private int commands;

    private Table(Engine engine, String gameId) {
        this.engine = engine;
        this.gameId = gameId;
    }

    static Table open(Engine engine, String gameId, Setup setup) {
        engine.create(Cards.TYPE, gameId, setup);
        return new Table(engine, gameId);
    }

    /** A match with ann and bob seated and the cards dealt. */
    static Table started(Engine engine, String gameId) {
        Table table = open(engine, gameId, Setup.empty());
        table.mustAccept(Actor.player(ANN), new Join());
        table.mustAccept(Actor.player(BOB), new Join());
        return table;
    }

    String gameId() {
        return gameId;
    }

    Versioned<CardState> versioned() {
        return engine.state(gameId, CardState.class);
    }

    CardState state() {
        return versioned().value();
    }

    String turn() {
        return state().turn();
    }

    String notInTurn() {
        return state().opponentOf(turn());
    }

    CommandResult submit(Actor actor, CardCommand command) {
        return engine.submit(gameId, CommandRequest.of(gameId + "-" + ++commands, actor, command));
    }

    CommandResult.Accepted mustAccept(Actor actor, CardCommand command) {
        CommandResult result = submit(actor, command);
        assertThat(result).as("game %s: %s by %s", gameId, command, actor).isInstanceOf(CommandResult.Accepted.class);
        return (CommandResult.Accepted) result;
    }

    /** Submits, and asserts the command was refused with {@code code} and changed neither state nor version. */
    CommandResult.Rejected assertRejected(Actor actor, CardCommand command, String code) {
        Versioned<CardState> before = versioned();
        CommandResult result = submit(actor, command);
        assertThat(result).as("game %s: %s by %s", gameId, command, actor).isInstanceOf(CommandResult.Rejected.class);
        CommandResult.Rejected rejected = (CommandResult.Rejected) result;
        assertThat(rejected.code()).as("reason code, message '%s'", rejected.message()).isEqualTo(code);
        assertThat(rejected.version()).isEqualTo(before.version());
        assertThat(versioned()).isEqualTo(before);
        return rejected;
    }
}
