package dev.statecraft.examples.cards;

import dev.statecraft.examples.cards.CardCommand.Draw;
import dev.statecraft.examples.cards.CardCommand.Forfeit;
import dev.statecraft.examples.cards.CardCommand.Join;
import dev.statecraft.examples.cards.CardCommand.Pass;
import dev.statecraft.examples.cards.CardCommand.Play;
import dev.statecraft.rules.Actor;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Chooses the next command of a random match: mostly a sensible move by the player whose turn it is, so
 * matches progress and end, and now and then noise: a wrong actor, a card not held or not matching, a
 * command the phase does not take, a forfeit.
 */
final class RandomActs {
    static final List<String> PLAYERS = List.of(Table.ANN, Table.BOB);
    private static final List<Actor> ANYONE = List.of(
            Actor.player(Table.ANN), Actor.player(Table.BOB), Actor.player(Table.STRANGER), Actor.host());
    private static final List<Card> ALL_CARDS = Deck.ordered();

    record Act(Actor actor, CardCommand command) {
    }

    private RandomActs() {
    }

    static Act next(CardState state, RandomGenerator random) {
        if (random.nextInt(100) < 12) {
            return noise(state, random);
        }
        return switch (state.phase()) {
            case LOBBY -> join(state, random);
            case PLAYING -> random.nextInt(1_000) < 3 ? forfeit(state, random) : sensible(state, random);
            case FINISHED -> noise(state, random);
        };
    }

    private static Act join(CardState state, RandomGenerator random) {
        List<String> free = PLAYERS.stream().filter(p -> !state.isSeated(p)).toList();
        return new Act(Actor.player(free.get(random.nextInt(free.size()))), new Join());
    }

    private static Act forfeit(CardState state, RandomGenerator random) {
        return new Act(Actor.player(state.seats().get(random.nextInt(state.seats().size()))), new Forfeit());
    }

    private static Act sensible(CardState state, RandomGenerator random) {
        String player = state.turn();
        Card top = state.discardTop().orElseThrow();
        List<Card> playable = state.cardsOf(player).stream().filter(card -> card.matches(top)).toList();
        Actor actor = Actor.player(player);
        CardCommand otherwise = state.deck().isEmpty() ? new Pass() : new Draw();
        int playOutOfTen = otherwise instanceof Draw ? 8 : 9;
        if (playable.isEmpty() || random.nextInt(10) >= playOutOfTen) {
            return new Act(actor, otherwise);
        }
        return new Act(actor, new Play(playable.get(random.nextInt(playable.size()))));
    }

    private static Act noise(CardState state, RandomGenerator random) {
        Actor actor = ANYONE.get(random.nextInt(ANYONE.size()));
        int roll = random.nextInt(100);
        CardCommand command;
        if (roll < 20) {
            command = new Join();
        } else if (roll < 40) {
            command = new Draw();
        } else if (roll < 55) {
            command = new Pass();
        } else if (roll < 75) {
            command = new Play(ALL_CARDS.get(random.nextInt(ALL_CARDS.size())));
        } else if (roll < 97) {
            List<Card> held = actor instanceof Actor.Player p ? state.cardsOf(p.id()) : List.of();
            command = new Play(held.isEmpty() ? ALL_CARDS.getFirst() : held.get(random.nextInt(held.size())));
        } else {
            command = new Forfeit();
        }
        return new Act(actor, command);
    }
}
