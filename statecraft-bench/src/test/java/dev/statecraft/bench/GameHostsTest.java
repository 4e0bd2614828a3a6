package dev.statecraft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GameHostsTest {

    @ParameterizedTest
    @ValueSource(strings = {GameHost.ENGINE, GameHost.HAND_ROLLED})
    void card_matches_are_played_to_the_end_and_replaced(String host) {
        MatchesUnderLoad matches = new MatchesUnderLoad();
        matches.host = host;
        matches.games = 10;
        matches.open();
        try {
            int replaced = 0;
            for (int i = 0; i < 5_000; i++) {
                if (matches.playOne(i % matches.games, "c-" + i) instanceof String) {
                    replaced++;
                }
            }
            assertThat(replaced).isGreaterThan(20);
        } finally {
            matches.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {GameHost.ENGINE, GameHost.HAND_ROLLED})
    void every_zone_accepts_every_move_of_its_walk(String host) {
        ZonesUnderLoad zones = new ZonesUnderLoad();
        zones.host = host;
        zones.games = 10;
        zones.playersPerZone = 4;
        zones.open();
        try {
            long lastVersion = 0;
            for (int i = 0; i < 1_000; i++) {
                lastVersion = zones.moveOne(i % zones.games, "c-" + i);
            }
            assertThat(lastVersion).as("4 entries and 100 moves").isEqualTo(104);
        } finally {
            zones.close();
        }
    }
}
