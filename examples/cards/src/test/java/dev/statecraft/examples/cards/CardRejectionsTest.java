package dev.statecraft.examples.cards;

import static dev.statecraft.examples.cards.Table.ANN;
import static dev.statecraft.examples.cards.Table.BOB;
import static dev.statecraft.examples.cards.Table.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.Engine;
import dev.statecraft.examples.cards.CardCommand.Draw;
import dev.statecraft.examples.cards.CardCommand.Forfeit;
import dev.statecraft.examples.cards.CardCommand.Join;
import dev.statecraft.examples.cards.CardCommand.Pass;
import dev.statecraft.examples.cards.CardCommand.Play;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.ReasonCode;
import dev.statecraft.rules.Setup;
import dev.statecraft.store.memory.InMemoryStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CardRejectionsTest {
    private final Engine engine = Engine.builder().store(InMemoryStore.create()).register(Cards.TYPE).seed(20_240_601L).build();

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void drawing_in_the_lobby_is_rejected_with_wrong_phase() {
        Table table = Table.open(engine, "lobby-draw", Setup.empty());
        table.mustAccept(Actor.player(ANN), new Join());

        table.assertRejected(Actor.player(ANN), new Draw(), ReasonCode.WRONG_PHASE);
    }

    @Test
    void a_third_player_joining_a_running_match_is_rejected_with_wrong_phase() {
        Table table = Table.started(engine, "third-join");

        table.assertRejected(Actor.player(STRANGER), new Join(), ReasonCode.WRONG_PHASE);
    }

    @Test
    void any_command_after_the_end_is_rejected_because_the_finished_match_is_archived() {
        Table table = Table.started(engine, "after-end");
        table.mustAccept(Actor.player(ANN), new Forfeit());

        table.assertRejected(Actor.player(BOB), new Draw(), ReasonCode.GAME_ARCHIVED);
        table.assertRejected(Actor.player(ANN), new Forfeit(), ReasonCode.GAME_ARCHIVED);
        assertThat(engine.findArchived("after-end")).isPresent();
    }

    @Test
    void a_seated_player_acting_out_of_turn_is_rejected_with_wrong_seat() {
        Table table = Table.started(engine, "out-of-turn");
        Actor waiting = Actor.player(table.notInTurn());

        table.assertRejected(waiting, new Draw(), ReasonCode.WRONG_SEAT);
        table.assertRejected(waiting, new Pass(), ReasonCode.WRONG_SEAT);
        table.assertRejected(waiting, new Play(table.state().cardsOf(table.notInTurn()).getFirst()), ReasonCode.WRONG_SEAT);
    }

    @Test
    void the_host_acting_for_a_seat_is_rejected_with_wrong_seat() {
        Table table = Table.open(engine, "host", Setup.empty());
        table.assertRejected(Actor.host(), new Join(), ReasonCode.WRONG_SEAT);
        table.mustAccept(Actor.player(ANN), new Join());
        table.mustAccept(Actor.player(BOB), new Join());

        table.assertRejected(Actor.host(), new Draw(), ReasonCode.WRONG_SEAT);
        table.assertRejected(Actor.host(), new Forfeit(), ReasonCode.WRONG_SEAT);
    }

    @Test
    void a_player_without_a_seat_acting_in_a_running_match_is_rejected_with_unknown_player() {
        Table table = Table.started(engine, "stranger");
        Card top = table.state().discardTop().orElseThrow();

        table.assertRejected(Actor.player(STRANGER), new Draw(), ReasonCode.UNKNOWN_PLAYER);
        table.assertRejected(Actor.player(STRANGER), new Play(top), ReasonCode.UNKNOWN_PLAYER);
        table.assertRejected(Actor.player(STRANGER), new Forfeit(), ReasonCode.UNKNOWN_PLAYER);
    }

    @Test
    void playing_a_card_not_in_hand_is_rejected_with_invalid_move() {
        Table table = Table.started(engine, "not-held");
        Card held = table.state().cardsOf(table.notInTurn()).getFirst();

        var rejected = table.assertRejected(Actor.player(table.turn()), new Play(held), ReasonCode.INVALID_MOVE);

        assertThat(rejected.message()).contains("does not hold the " + held.label());
    }

    @Test
    void playing_a_card_that_matches_neither_suit_nor_rank_is_rejected_with_invalid_move() {
        Table table = Table.started(engine, "no-match");
        while (nonMatchingCardOfPlayerInTurn(table).isEmpty()) {
            table.mustAccept(Actor.player(table.turn()), new Draw());
        }
        Card card = nonMatchingCardOfPlayerInTurn(table).getFirst();

        var rejected = table.assertRejected(Actor.player(table.turn()), new Play(card), ReasonCode.INVALID_MOVE);

        assertThat(rejected.message()).contains("matches neither the suit nor the rank");
    }

    @Test
    void joining_twice_is_rejected_with_invalid_move() {
        Table table = Table.open(engine, "twice", Setup.empty());
        table.mustAccept(Actor.player(ANN), new Join());

        table.assertRejected(Actor.player(ANN), new Join(), ReasonCode.INVALID_MOVE);
    }

    @Test
    void passing_while_the_deck_has_cards_is_rejected_with_invalid_move() {
        Table table = Table.started(engine, "early-pass");

        table.assertRejected(Actor.player(table.turn()), new Pass(), ReasonCode.INVALID_MOVE);
    }

    @Test
    void drawing_from_an_empty_deck_is_rejected_with_invalid_move() {
        Table table = Table.started(engine, "empty-deck");
        while (!table.state().deck().isEmpty()) {
            table.mustAccept(Actor.player(table.turn()), new Draw());
        }

        table.assertRejected(Actor.player(table.turn()), new Draw(), ReasonCode.INVALID_MOVE);
    }

    private static List<Card> nonMatchingCardOfPlayerInTurn(Table table) {
        Card top = table.state().discardTop().orElseThrow();
        return table.state().cardsOf(table.turn()).stream().filter(card -> !card.matches(top)).toList();
    }
}
