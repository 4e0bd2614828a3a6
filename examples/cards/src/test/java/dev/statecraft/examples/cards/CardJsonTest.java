package dev.statecraft.examples.cards;

import static dev.statecraft.examples.cards.Table.ANN;
import static dev.statecraft.examples.cards.Table.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.codec.JsonCodec;
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
import dev.statecraft.rules.Seat;
import dev.statecraft.rules.Setup;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CardJsonTest {
    private static final JsonCodec JSON = JsonCodec.json();

    @Test
    void every_command_reads_back_equal_from_its_json() {
        List<CardCommand> commands = List.of(new Join(), new Draw(), new Play(new Card(Suit.SPADES, 10)), new Pass(), new Forfeit());

        assertThat(commands).allSatisfy(command -> assertThat(roundTrip(command)).isEqualTo(command));
        assertThat(commands).extracting(c -> c.getClass().getSimpleName()).containsExactlyInAnyOrderElementsOf(Cards.TYPE.commands().names());
    }

    @Test
    void every_event_reads_back_equal_from_its_json() {
        List<CardEvent> events = List.of(
                new PlayerJoined(ANN),
                new MatchStarted(Deck.shuffled(new SplittableRandom(5)), BOB),
                new CardDrawn(ANN),
                new CardPlayed(BOB, new Card(Suit.HEARTS, 3)),
                new TurnPassed(ANN),
                new MatchEnded(Outcome.won(BOB, Ending.FEWEST_CARDS)),
                new MatchEnded(Outcome.draw()));

        assertThat(events).allSatisfy(event -> assertThat(roundTrip(event)).isEqualTo(event));
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsAll(Cards.TYPE.events().names());
    }

    @Test
    void a_dealt_state_and_its_views_read_back_equal_from_their_json() {
        CardState state = Cards.RULES.initialState(Setup.empty());
        state = Cards.RULES.evolve(state, new PlayerJoined(ANN));
        state = Cards.RULES.evolve(state, new PlayerJoined(BOB));
        state = Cards.RULES.evolve(state, new MatchStarted(Deck.shuffled(new SplittableRandom(8)), ANN));

        assertThat(roundTrip(state)).isEqualTo(state);
        assertThat(roundTrip(Cards.RULES.view(state, Seat.player(ANN)))).isEqualTo(Cards.RULES.view(state, Seat.player(ANN)));
        assertThat(roundTrip(Cards.RULES.view(state, Seat.spectator()))).isEqualTo(Cards.RULES.view(state, Seat.spectator()));
    }

    @Test
    void a_view_is_written_with_its_components_only() {
        CardView view = new CardView(CardPhase.LOBBY, ANN, List.of(), List.of(), 0, List.of(), "", Outcome.undecided());

        assertThat(JSON.tree(view).propertyNames())
                .containsExactlyInAnyOrder("phase", "you", "yourHand", "seats", "deckCount", "discard", "turn", "outcome");
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) {
        return (T) JSON.read(JSON.write(value), value.getClass());
    }
}
