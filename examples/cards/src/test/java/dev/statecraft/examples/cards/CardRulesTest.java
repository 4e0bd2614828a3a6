package dev.statecraft.examples.cards;

import static dev.statecraft.examples.cards.Table.ANN;
import static dev.statecraft.examples.cards.Table.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.engine.Engine;
import dev.statecraft.examples.cards.CardCommand.Draw;
import dev.statecraft.examples.cards.CardCommand.Forfeit;
import dev.statecraft.examples.cards.CardCommand.Join;
import dev.statecraft.examples.cards.CardCommand.Pass;
import dev.statecraft.examples.cards.CardCommand.Play;
import dev.statecraft.examples.cards.CardEvent.CardDrawn;
import dev.statecraft.examples.cards.CardEvent.CardPlayed;
import dev.statecraft.examples.cards.CardEvent.MatchEnded;
import dev.statecraft.examples.cards.CardEvent.MatchStarted;
import dev.statecraft.examples.cards.CardEvent.PlayerJoined;
import dev.statecraft.examples.cards.CardEvent.TurnPassed;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Decision;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.memory.InMemoryStore;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CardRulesTest {
    private static final CardRules RULES = Cards.RULES;

    @Test
    void the_second_join_writes_the_whole_shuffled_deck_and_the_first_turn_into_its_events() {
        CardState oneSeated = RULES.evolve(RULES.initialState(Setup.empty()), new PlayerJoined(ANN));

        List<CardEvent> events = accepted(oneSeated, new Join(), new FixedContext(Actor.player(BOB), new SplittableRandom(3)));

        assertThat(events).hasSize(2).first().isEqualTo(new PlayerJoined(BOB));
        MatchStarted started = (MatchStarted) events.get(1);
        assertThat(started.deck()).containsExactlyInAnyOrderElementsOf(Deck.ordered()).isNotEqualTo(Deck.ordered());
        assertThat(started.firstTurn()).isIn(ANN, BOB);
    }

    @Test
    void the_same_generator_shuffles_the_same_deck_and_another_one_does_not() {
        assertThat(Deck.shuffled(new SplittableRandom(9))).isEqualTo(Deck.shuffled(new SplittableRandom(9)))
                .isNotEqualTo(Deck.shuffled(new SplittableRandom(10)));
    }

    @Test
    void the_deal_gives_each_seat_its_hand_from_the_top_of_the_deck_and_turns_the_next_card_face_up() {
        CardState state = started(Setup.of("handSize", "3"), BOB);

        List<Card> order = Deck.ordered();
        assertThat(state.phase()).isEqualTo(CardPhase.PLAYING);
        assertThat(state.cardsOf(ANN)).isEqualTo(order.subList(0, 3));
        assertThat(state.cardsOf(BOB)).isEqualTo(order.subList(3, 6));
        assertThat(state.discard()).containsExactly(order.get(6));
        assertThat(state.deck()).isEqualTo(order.subList(7, 40));
        assertThat(state.turn()).isEqualTo(BOB);
    }

    @Test
    void playing_a_matching_card_puts_it_on_the_discard_pile_and_passes_the_turn() {
        CardState state = started(Setup.empty(), ANN);
        Card clubOne = new Card(Suit.CLUBS, 1);
        assertThat(state.discardTop()).contains(new Card(Suit.DIAMONDS, 1));

        CardState after = apply(state, accepted(state, new Play(clubOne), FixedContext.of(ANN)));

        assertThat(after.discardTop()).contains(clubOne);
        assertThat(after.cardsOf(ANN)).hasSize(4).doesNotContain(clubOne);
        assertThat(after.turn()).isEqualTo(BOB);
    }

    @Test
    void drawing_takes_the_top_card_of_the_deck_and_passes_the_turn() {
        CardState state = started(Setup.empty(), ANN);
        Card top = state.deck().getFirst();

        List<CardEvent> events = accepted(state, new Draw(), FixedContext.of(ANN));
        CardState after = apply(state, events);

        assertThat(events).containsExactly(new CardDrawn(ANN));
        assertThat(after.cardsOf(ANN)).hasSize(6).endsWith(top);
        assertThat(after.deck()).hasSize(state.deck().size() - 1).doesNotContain(top);
        assertThat(after.turn()).isEqualTo(BOB);
    }

    @Test
    void playing_the_last_card_wins_the_match() {
        CardState state = endgame(List.of(card(Suit.HEARTS, 4)), List.of(card(Suit.SPADES, 2)), card(Suit.HEARTS, 9), ANN, 0);

        List<CardEvent> events = accepted(state, new Play(card(Suit.HEARTS, 4)), FixedContext.of(ANN));
        CardState after = apply(state, events);

        assertThat(events).containsExactly(new CardPlayed(ANN, card(Suit.HEARTS, 4)), new MatchEnded(Outcome.won(ANN, Ending.EMPTIED_HAND)));
        assertThat(after.phase()).isEqualTo(CardPhase.FINISHED);
        assertThat(after.turn()).isEmpty();
    }

    @Test
    void two_passes_in_a_row_on_an_empty_deck_give_the_match_to_the_smaller_hand() {
        CardState state = endgame(List.of(card(Suit.CLUBS, 1), card(Suit.CLUBS, 2)), List.of(card(Suit.SPADES, 2)), card(Suit.HEARTS, 9), ANN, 0);

        CardState afterAnn = apply(state, accepted(state, new Pass(), FixedContext.of(ANN)));
        List<CardEvent> events = accepted(afterAnn, new Pass(), FixedContext.of(BOB));

        assertThat(afterAnn.phase()).isEqualTo(CardPhase.PLAYING);
        assertThat(events).containsExactly(new TurnPassed(BOB), new MatchEnded(Outcome.won(BOB, Ending.FEWEST_CARDS)));
    }

    @Test
    void two_passes_in_a_row_with_hands_of_equal_size_end_in_a_draw() {
        CardState state = endgame(List.of(card(Suit.CLUBS, 1)), List.of(card(Suit.SPADES, 2)), card(Suit.HEARTS, 9), BOB, 1);

        CardState after = apply(state, accepted(state, new Pass(), FixedContext.of(BOB)));

        assertThat(after.outcome()).isEqualTo(Outcome.draw());
        assertThat(after.phase()).isEqualTo(CardPhase.FINISHED);
    }

    @Test
    void a_card_played_between_two_passes_starts_the_count_again() {
        CardState state = endgame(List.of(card(Suit.HEARTS, 1), card(Suit.CLUBS, 1)), List.of(card(Suit.SPADES, 2)), card(Suit.HEARTS, 9), ANN, 1);

        CardState afterPlay = apply(state, accepted(state, new Play(card(Suit.HEARTS, 1)), FixedContext.of(ANN)));
        List<CardEvent> events = accepted(afterPlay, new Pass(), FixedContext.of(BOB));

        assertThat(afterPlay.consecutivePasses()).isZero();
        assertThat(events).containsExactly(new TurnPassed(BOB));
    }

    @Test
    void a_forfeit_out_of_turn_gives_the_match_to_the_other_player() {
        CardState state = started(Setup.empty(), ANN);

        List<CardEvent> events = accepted(state, new Forfeit(), FixedContext.of(BOB));

        assertThat(events).containsExactly(new MatchEnded(Outcome.won(ANN, Ending.FORFEIT)));
    }

    @Test
    void a_hand_size_outside_one_to_ten_is_refused_naming_the_key() {
        try (Engine engine = Engine.builder().store(InMemoryStore.create()).register(Cards.TYPE).build()) {
            assertThatThrownBy(() -> engine.create(Cards.TYPE, "too-big", Setup.of("handSize", "11")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("setup value 'handSize' must be 1 to 10 (was 11)");
            assertThatThrownBy(() -> RULES.initialState(Setup.of("handSize", "0")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'handSize'");
        }
    }

    @Test
    void the_hand_size_defaults_to_five() {
        assertThat(RULES.initialState(Setup.empty()).handSize()).isEqualTo(5);
        assertThat(RULES.initialState(Setup.of("handSize", "10")).handSize()).isEqualTo(10);
    }

    private static Card card(Suit suit, int rank) {
        return new Card(suit, rank);
    }

    /** Ann and bob seated and dealt from the unshuffled deck. */
    private static CardState started(Setup setup, String firstTurn) {
        CardState state = RULES.initialState(setup);
        state = RULES.evolve(state, new PlayerJoined(ANN));
        state = RULES.evolve(state, new PlayerJoined(BOB));
        return RULES.evolve(state, new MatchStarted(Deck.ordered(), firstTurn));
    }

    /** A running match with an empty deck. */
    private static CardState endgame(List<Card> ann, List<Card> bob, Card top, String turn, int passes) {
        return new CardState(CardPhase.PLAYING, 5, List.of(new Hand(ANN, ann), new Hand(BOB, bob)), List.of(), List.of(top), turn, passes,
                Outcome.undecided());
    }

    private static List<CardEvent> accepted(CardState state, CardCommand command, FixedContext ctx) {
        Decision<CardEvent> decision = RULES.decide(state, command, ctx);
        assertThat(decision).as("%s by %s", command, ctx.actor()).isInstanceOf(Decision.Accept.class);
        return decision instanceof Decision.Accept<CardEvent> accept ? accept.events() : List.of();
    }

    private static CardState apply(CardState state, List<CardEvent> events) {
        for (CardEvent event : events) {
            state = RULES.evolve(state, event);
        }
        return state;
    }
}
