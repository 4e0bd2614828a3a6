package dev.statecraft.sqlite.crash;

import dev.statecraft.examples.cards.Card;
import dev.statecraft.examples.cards.CardCommand;
import dev.statecraft.examples.cards.CardCommand.Draw;
import dev.statecraft.examples.cards.CardCommand.Forfeit;
import dev.statecraft.examples.cards.CardCommand.Join;
import dev.statecraft.examples.cards.CardCommand.Pass;
import dev.statecraft.examples.cards.CardCommand.Play;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.examples.cards.Deck;
import dev.statecraft.rules.Actor;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The next command of a crash-test match: mostly the move the player in turn would make (join, play a
 * matching card, draw, or pass once the deck is empty), so matches progress and end; about one in ten
 * is a move the rules refuse (out of turn, a card not held or not matching, a command the phase does
 * not take), so rejections run between the accepted commands too.
 */
final class CrashMoves {
    static final String ANN = "ann";
    static final String BOB = "bob";
    private static final List<String> PLAYERS = List.of(ANN, BOB);
    private static final List<Card> ALL_CARDS = Deck.ordered();

    record Move(Actor actor, CardCommand command) {
    }

    private CrashMoves() {
    }

    static Move next(CardState state, RandomGenerator random) {
        if (random.nextInt(10) == 0) {
            return refused(state, random);
        }
        return switch (state.phase()) {
            case LOBBY -> {
                List<String> free = PLAYERS.stream().filter(p -> !state.isSeated(p)).toList();
                yield new Move(Actor.player(free.get(random.nextInt(free.size()))), new Join());
            }
            case PLAYING -> random.nextInt(500) == 0 ? new Move(Actor.player(state.turn()), new Forfeit()) : inTurn(state, random);
            case FINISHED -> refused(state, random);
        };
    }

    private static Move inTurn(CardState state, RandomGenerator random) {
        String player = state.turn();
        Card top = state.discardTop().orElseThrow();
        List<Card> playable = state.cardsOf(player).stream().filter(card -> card.matches(top)).toList();
        CardCommand otherwise = state.deck().isEmpty() ? new Pass() : new Draw();
        if (playable.isEmpty() || random.nextInt(10) < 2) {
            return new Move(Actor.player(player), otherwise);
        }
        return new Move(Actor.player(player), new Play(playable.get(random.nextInt(playable.size()))));
    }

    /** A move the rules refuse in {@code state}. */
    private static Move refused(CardState state, RandomGenerator random) {
        return switch (state.phase()) {
            case LOBBY -> new Move(Actor.host(), new Join());
            case FINISHED -> new Move(Actor.player(PLAYERS.get(random.nextInt(PLAYERS.size()))), new Draw());
            case PLAYING -> switch (random.nextInt(4)) {
                case 0 -> new Move(Actor.player(state.opponentOf(state.turn())), new Draw());
                case 1 -> new Move(Actor.player(state.turn()), new Join());
                case 2 -> new Move(Actor.player(state.turn()), state.deck().isEmpty() ? new Draw() : new Pass());
                default -> new Move(Actor.player(state.turn()), new Play(unplayable(state, random)));
            };
        };
    }

    /** A card the player in turn does not hold, or holds but cannot put on the discard top. */
    private static Card unplayable(CardState state, RandomGenerator random) {
        List<Card> hand = state.cardsOf(state.turn());
        Card top = state.discardTop().orElseThrow();
        while (true) {
            Card card = ALL_CARDS.get(random.nextInt(ALL_CARDS.size()));
            if (!hand.contains(card) || !card.matches(top)) {
                return card;
            }
        }
    }
}
