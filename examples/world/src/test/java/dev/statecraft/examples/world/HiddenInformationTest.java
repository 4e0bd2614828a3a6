package dev.statecraft.examples.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.codec.JsonCodec;
import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.Engine;
import dev.statecraft.rules.Seat;
import dev.statecraft.store.memory.InMemoryStore;
import dev.statecraft.testkit.ManualClock;
import dev.statecraft.testkit.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Checks every seat's view, as sent over the wire, after every command of random sequences. */
class HiddenInformationTest {
    private static final JsonCodec JSON = JsonCodec.json();
    private static final Set<String> PUBLIC_PLAYER_FIELDS = Set.of("id", "position", "hp", "maxHp", "equipment", "combatLevel");
    private static final Set<String> PRIVATE_FIELDS = Set.of("inventory", "skills", "slots", "xp");

    @Test
    void no_seat_ever_sees_another_players_inventory_or_skills_and_spectators_see_no_inventory_at_all() {
        long seed = Seeds.seed("HiddenInformationTest");
        int sequences = Seeds.scaled(500);
        SplittableRandom random = new SplittableRandom(seed);
        RandomWorldTraffic traffic = new RandomWorldTraffic(random);
        ManualClock clock = ManualClock.startingAt("2030-01-01T00:00:00Z");
        int viewsChecked = 0;
        try (Engine engine = Engine.builder().store(InMemoryStore.create()).register(World.TYPE).seed(seed).clock(clock).build()) {
            for (int sequence = 0; sequence < sequences; sequence++) {
                String gameId = "hidden-" + sequence;
                try {
                    engine.create(World.TYPE, gameId, traffic.setup());
                    int length = traffic.sequenceLength();
                    for (int i = 0; i < length; i++) {
                        clock.advance(traffic.pause());
                        RandomWorldTraffic.Step step = traffic.next(engine.state(gameId, ZoneState.class).value());
                        engine.submit(gameId, CommandRequest.of("c-" + i, step.actor(), step.command()));
                        ZoneState state = engine.state(gameId, ZoneState.class).value();
                        for (String playerId : RandomWorldTraffic.PLAYERS) {
                            checkPlayerView(state, playerId, JSON.tree(engine.view(gameId, Seat.player(playerId)).value()));
                            viewsChecked++;
                        }
                        checkSpectatorView(state, JSON.tree(engine.view(gameId, Seat.spectator()).value()));
                        viewsChecked++;
                    }
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("seed " + seed + ", game " + gameId + ": " + e.getMessage(), e);
                }
            }
        }
        System.out.println("[hidden] " + viewsChecked + " views checked");
    }

    private static void checkPlayerView(ZoneState state, String playerId, JsonNode view) {
        if (state.player(playerId).isEmpty()) {
            checkSpectatorView(state, view);
            return;
        }
        assertThat(view.propertyNames()).containsExactlyInAnyOrder("settings", "self", "others", "groundItems", "trades");
        assertThat(view.at("/self/id").asString()).isEqualTo(playerId);
        assertThat(view.at("/self/inventory")).isEqualTo(JSON.tree(state.requirePlayer(playerId).inventory()));
        assertThat(pathsOf(view, PRIVATE_FIELDS)).as("private fields in %s's view", playerId)
                .containsExactlyInAnyOrder("/self/inventory", "/self/inventory/slots", "/self/skills", "/self/skills/xp");
        checkPublicPlayers(view.get("others"));
        assertThat(view.get("others").values()).extracting(p -> p.get("id").asString()).doesNotContain(playerId)
                .hasSize(state.players().size() - 1);
        for (JsonNode trade : view.get("trades").values()) {
            assertThat(List.of(trade.get("fromPlayerId").asString(), trade.get("toPlayerId").asString())).contains(playerId);
        }
        for (PlayerEntity other : state.players().values()) {
            if (!other.id().equals(playerId) && !other.inventory().equals(state.requirePlayer(playerId).inventory())) {
                assertThat(containsSubtree(view, JSON.tree(other.inventory()))).as("%s's inventory in %s's view", other.id(), playerId).isFalse();
            }
        }
    }

    private static void checkSpectatorView(ZoneState state, JsonNode view) {
        assertThat(view.propertyNames()).containsExactlyInAnyOrder("settings", "players", "groundItems");
        assertThat(pathsOf(view, PRIVATE_FIELDS)).as("private fields in a spectator's view").isEmpty();
        checkPublicPlayers(view.get("players"));
        assertThat(view.get("players").size()).isEqualTo(state.players().size());
    }

    private static void checkPublicPlayers(JsonNode players) {
        for (JsonNode player : players.values()) {
            assertThat(player.propertyNames()).containsExactlyInAnyOrderElementsOf(PUBLIC_PLAYER_FIELDS);
        }
    }

    /** JSON pointers of every property named one of {@code names}, at any depth. */
    private static List<String> pathsOf(JsonNode node, Set<String> names) {
        List<String> paths = new ArrayList<>();
        collect(node, "", names, paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, Set<String> names, List<String> paths) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String child = path + "/" + property.getKey();
                if (names.contains(property.getKey())) {
                    paths.add(child);
                }
                collect(property.getValue(), child, names, paths);
            }
        } else if (node.isArray()) {
            int index = 0;
            for (JsonNode element : node.values()) {
                collect(element, path + "/" + index++, names, paths);
            }
        }
    }

    private static boolean containsSubtree(JsonNode node, JsonNode wanted) {
        if (node.equals(wanted)) {
            return true;
        }
        for (JsonNode child : node.values()) {
            if (containsSubtree(child, wanted)) {
                return true;
            }
        }
        return false;
    }
}
