package dev.statecraft.cli;

import dev.statecraft.examples.cards.Cards;
import dev.statecraft.examples.world.World;
import dev.statecraft.rules.GameType;

/** The game types the {@code statecraft} command knows: it needs a game's type to decode its events and states. */
final class ExampleGames {
    private ExampleGames() {
    }

    static GameType<?, ?, ?, ?>[] types() {
        return new GameType<?, ?, ?, ?>[] {Cards.TYPE, World.TYPE};
    }
}
