package dev.statecraft.sqlite.durability;

import dev.statecraft.examples.cards.CardCommand;
import dev.statecraft.examples.cards.CardEvent;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.examples.cards.CardView;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.persistence.Persistence;
import dev.statecraft.rules.GameType;

/** Card game types with the persistence a test needs; the rules are the example's. */
final class TestTypes {
    private TestTypes() {
    }

    static GameType<CardState, CardCommand, CardEvent, CardView> cards(String name, Persistence persistence) {
        return cards(name, persistence, 1);
    }

    static GameType<CardState, CardCommand, CardEvent, CardView> cards(String name, Persistence persistence, int stateSchemaVersion) {
        return GameType.builder(name, Cards.RULES, CardState.class, CardCommand.class, CardEvent.class)
                .phases(Cards.PHASES)
                .persistence(persistence)
                .stateSchemaVersion(stateSchemaVersion)
                .build();
    }
}
