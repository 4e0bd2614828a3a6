package dev.statecraft.examples.cards;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.Versioned;
import dev.statecraft.examples.cards.CardCommand.Draw;
import dev.statecraft.examples.cards.CardCommand.Forfeit;
import dev.statecraft.examples.cards.CardCommand.Join;
import dev.statecraft.examples.cards.CardCommand.Pass;
import dev.statecraft.examples.cards.CardCommand.Play;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Seat;
import dev.statecraft.rules.Setup;
import java.io.PrintStream;
import java.util.List;

/**
 * Plays one whole match through an engine, as a demo: ann and bob join, then whoever's turn it is plays
 * the first matching card of their hand, or draws, or passes once the deck is empty. Each player decides
 * from their own view only. The same engine seed and game id give the same match and transcript.
 */
public final class ScriptedCardMatch {
    public static final List<String> PLAYERS = List.of("ann", "bob");
    private static final int MAX_COMMANDS = 1_000;

    private ScriptedCardMatch() {
    }

    /**
     * Creates {@code gameId} with the default setup, plays it to its end and prints one line per command
     * and the outcome to {@code out}. A match usually ends with a winner; when the deck runs out and both
     * hands are equal it ends in a draw, and the transcript says so.
     *
     * @return the final state
     */
    public static Versioned<CardState> play(Engine engine, String gameId, PrintStream out) {
        engine.create(Cards.TYPE, gameId, Setup.empty());
        out.println("match " + gameId + ": " + String.join(" and ", PLAYERS) + " sit down");
        int commands = 0;
        for (String player : PLAYERS) {
            submit(engine, gameId, player, new Join(), ++commands, out);
        }
        CardView table = spectatorView(engine, gameId);
        out.println("  " + table.turn() + " goes first; face up: the " + table.discard().getLast().label());
        while (table.phase() == CardPhase.PLAYING) {
            if (commands >= MAX_COMMANDS) {
                throw new IllegalStateException("scripted match " + gameId + " did not finish in " + MAX_COMMANDS + " commands");
            }
            String player = table.turn();
            CardView own = (CardView) engine.view(gameId, Seat.player(player)).value();
            submit(engine, gameId, player, nextMove(own), ++commands, out);
            table = spectatorView(engine, gameId);
        }
        Versioned<CardState> end = engine.state(gameId, CardState.class);
        out.println("outcome: " + end.value().outcome().describe() + "; cards left "
                + String.join(", ", table.seats().stream().map(s -> s.player() + " " + s.handCount()).toList())
                + "; " + commands + " commands, version " + end.version());
        return end;
    }

    /** The first card of the hand that matches the discard top, else a draw, else a pass. */
    static CardCommand nextMove(CardView own) {
        Card top = own.discard().getLast();
        return own.yourHand().stream()
                .filter(card -> card.matches(top))
                .findFirst()
                .<CardCommand>map(Play::new)
                .orElse(own.deckCount() > 0 ? new Draw() : new Pass());
    }

    private static void submit(Engine engine, String gameId, String player, CardCommand command, int number, PrintStream out) {
        CommandResult result = engine.submit(gameId, CommandRequest.of(gameId + "-" + number, Actor.player(player), command));
        switch (result) {
            case CommandResult.Accepted a -> out.printf("%4d  %-4s %-28s -> version %d%n", number, player, describe(command), a.version());
            case CommandResult.Rejected r -> throw new IllegalStateException("scripted match " + gameId + ": " + player + " "
                    + describe(command) + " was rejected with " + r.code() + ": " + r.message());
        }
    }

    private static CardView spectatorView(Engine engine, String gameId) {
        return (CardView) engine.view(gameId, Seat.spectator()).value();
    }

    private static String describe(CardCommand command) {
        return switch (command) {
            case Join join -> "joins";
            case Draw draw -> "draws";
            case Play play -> "plays the " + play.card().label();
            case Pass pass -> "passes";
            case Forfeit forfeit -> "forfeits";
        };
    }
}
