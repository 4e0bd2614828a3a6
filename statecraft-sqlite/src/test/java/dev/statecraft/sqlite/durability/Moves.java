package dev.statecraft.sqlite.durability;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.examples.cards.Card;
import dev.statecraft.examples.cards.CardCommand;
import dev.statecraft.examples.cards.CardCommand.Draw;
import dev.statecraft.examples.cards.CardCommand.Join;
import dev.statecraft.examples.cards.CardCommand.Pass;
import dev.statecraft.examples.cards.CardCommand.Play;
import dev.statecraft.examples.cards.CardPhase;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.rules.Actor;

/** Drives card matches through an engine with legal moves: play a matching card, else draw, else pass. */
final class Moves {
    private Moves() {
    }

    static void seatBoth(Engine engine, String gameId) {
        submit(engine, gameId, "ann", gameId + "-join-ann", new Join());
        submit(engine, gameId, "bob", gameId + "-join-bob", new Join());
    }

    /** Plays {@code count} legal moves (fewer if the match ends); returns how many were played. */
    static int play(Engine engine, String gameId, int count) {
        for (int i = 0; i < count; i++) {
            CardState state = engine.state(gameId, CardState.class).value();
            if (state.phase() != CardPhase.PLAYING) {
                return i;
            }
            submit(engine, gameId, state.turn(), gameId + "-v" + engine.state(gameId).version(), next(state));
        }
        return count;
    }

    static CardCommand next(CardState state) {
        Card top = state.discardTop().orElseThrow();
        return state.cardsOf(state.turn()).stream().filter(c -> c.matches(top)).findFirst()
                .<CardCommand>map(Play::new)
                .orElse(state.deck().isEmpty() ? new Pass() : new Draw());
    }

    static CommandResult submit(Engine engine, String gameId, String player, String commandId, CardCommand command) {
        CommandResult result = engine.submit(gameId, CommandRequest.of(commandId, Actor.player(player), command));
        if (!result.isAccepted()) {
            throw new AssertionError("game " + gameId + ": " + command + " by " + player + " was refused: " + result);
        }
        return result;
    }
}
