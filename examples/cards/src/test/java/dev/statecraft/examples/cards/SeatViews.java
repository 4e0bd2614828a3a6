package dev.statecraft.examples.cards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.codec.JsonCodec;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.RecordedEvent;
import dev.statecraft.engine.Subscription;
import dev.statecraft.engine.UpdateListener;
import dev.statecraft.engine.Versioned;
import dev.statecraft.rules.Seat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * Checks, for every version of a game, that each seat's and a spectator's view as the engine delivers it to a
 * subscriber (version 0, before any subscription could see it, straight from the rules) shows exactly the
 * cards that seat may see: its own hand and the discard pile, never the other hand or the deck.
 */
final class SeatViews {
    private static final JsonCodec JSON = JsonCodec.json();
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private SeatViews() {
    }

    /** @return the number of views checked */
    static int assertEveryViewHidesWhatItsSeatMayNotSee(Engine engine, String gameId) {
        List<CardState> states = statesByVersion(engine, gameId);
        int checked = 0;
        for (Seat seat : List.of(Seat.player(Table.ANN), Seat.player(Table.BOB), Seat.player(Table.STRANGER), Seat.spectator())) {
            List<Versioned<Object>> views = new ArrayList<>();
            views.add(new Versioned<>(gameId, 0, CardPhase.LOBBY, Cards.RULES.view(states.getFirst(), seat)));
            views.addAll(deliveredAfterVersionZero(engine, gameId, seat, states.size() - 1));
            assertThat(views).extracting(Versioned::version).as("versions delivered to %s", seat).containsExactlyElementsOf(
                    LongStream.range(0, states.size()).boxed().toList());
            for (Versioned<Object> view : views) {
                CardState state = states.get((int) view.version());
                Set<Card> visible = VisibleCards.in(JSON.tree(view.value()));
                Set<Card> leaked = new HashSet<>(visible);
                leaked.retainAll(hiddenFrom(state, seat));
                Supplier<String> where = () -> "version " + view.version() + ", view of " + seat + ": " + JSON.writeString(view.value());
                assertThat(leaked).as(() -> "hidden cards in " + where.get()).isEmpty();
                assertThat(visible).as(() -> "cards in " + where.get()).containsExactlyInAnyOrderElementsOf(mayShow(state, seat));
                checked++;
            }
        }
        return checked;
    }

    /** The state at every version, folded from the stored events over the state at version 0. */
    private static List<CardState> statesByVersion(Engine engine, String gameId) {
        List<CardState> states = new ArrayList<>();
        CardState state = (CardState) engine.stateAt(gameId, 0).value();
        states.add(state);
        for (RecordedEvent recorded : engine.events(gameId, 1, Long.MAX_VALUE)) {
            state = Cards.RULES.evolve(state, (CardEvent) recorded.event());
            states.add(state);
        }
        return states;
    }

    private static List<Versioned<Object>> deliveredAfterVersionZero(Engine engine, String gameId, Seat seat, long lastVersion) {
        List<Versioned<Object>> delivered = new ArrayList<>();
        CompletableFuture<List<Versioned<Object>>> complete = new CompletableFuture<>();
        UpdateListener listener = update -> {
            delivered.add(update);
            if (update.version() == lastVersion) {
                complete.complete(delivered);
            }
        };
        Subscription subscription = engine.resume(gameId, seat, 0, listener);
        try {
            assertThat(complete).as("views of %s up to version %d", seat, lastVersion).succeedsWithin(DELIVERY);
        } finally {
            subscription.close();
        }
        return complete.join();
    }

    private static Set<Card> hiddenFrom(CardState state, Seat seat) {
        Set<Card> hidden = new HashSet<>(state.deck());
        state.hands().stream().filter(h -> !owns(seat, h)).forEach(h -> hidden.addAll(h.cards()));
        return hidden;
    }

    private static Set<Card> mayShow(CardState state, Seat seat) {
        Set<Card> visible = new HashSet<>(state.discard());
        state.hands().stream().filter(h -> owns(seat, h)).forEach(h -> visible.addAll(h.cards()));
        return visible;
    }

    private static boolean owns(Seat seat, Hand hand) {
        return seat instanceof Seat.Player p && p.id().equals(hand.player());
    }
}
