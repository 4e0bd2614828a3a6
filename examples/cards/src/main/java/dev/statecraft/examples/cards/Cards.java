package dev.statecraft.examples.cards;

import static dev.statecraft.examples.cards.CardPhase.FINISHED;
import static dev.statecraft.examples.cards.CardPhase.LOBBY;
import static dev.statecraft.examples.cards.CardPhase.PLAYING;

import dev.statecraft.examples.cards.CardCommand.Draw;
import dev.statecraft.examples.cards.CardCommand.Forfeit;
import dev.statecraft.examples.cards.CardCommand.Join;
import dev.statecraft.examples.cards.CardCommand.Pass;
import dev.statecraft.examples.cards.CardCommand.Play;
import dev.statecraft.rules.GameType;
import dev.statecraft.rules.Phases;

/**
 * The card game as the engine knows it.
 *
 * <pre>{@code
 * Engine engine = Engine.builder().store(InMemoryStore.create()).register(Cards.TYPE).build();
 * engine.create(Cards.TYPE, "match-1", Setup.of("handSize", "7"));
 * engine.submit("match-1", CommandRequest.of("c-1", Actor.player("ann"), new Join()));
 * }</pre>
 */
public final class Cards {

    public static final Phases<CardState> PHASES = Phases.<CardState>startingIn(LOBBY)
            .accepts(LOBBY, Join.class)
            .accepts(PLAYING, Draw.class, Play.class, Pass.class, Forfeit.class)
            .accepts(FINISHED)
            .transition(LOBBY, PLAYING, "both seats taken", s -> s.hands().size() == CardState.SEATS)
            .transition(PLAYING, FINISHED, "the outcome is decided", s -> s.outcome().isDecided())
            .build();

    public static final CardRules RULES = new CardRules();

    public static final GameType<CardState, CardCommand, CardEvent, CardView> TYPE =
            GameType.builder("cards", RULES, CardState.class, CardCommand.class, CardEvent.class)
                    .phases(PHASES)
                    .outcome(state -> state.outcome().describe())
                    .archiveIn(FINISHED)
                    .build();

    private Cards() {
    }
}
