package dev.statecraft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Two players playing a card match over the WebSocket, each move chosen from the mover's own view only
 * (as a real client would), with a share of deliberately wrong moves that must be rejected.
 */
public final class CardTable {
    private final String gameId;
    private final Map<String, WsClient> players = new LinkedHashMap<>();
    private final Random random;
    private static final java.util.concurrent.atomic.AtomicInteger TABLES = new java.util.concurrent.atomic.AtomicInteger();
    /** Part of every command id, so a new table for the same match (after a restart) never reuses an id. */
    private final int tableNumber = TABLES.incrementAndGet();
    private int commandCount;
    public int rejected;

    public CardTable(String gameId, WsClient ann, WsClient bob, Random random) {
        this.gameId = gameId;
        this.players.put("ann", ann);
        this.players.put("bob", bob);
        this.random = random;
    }

    /** Creates the match, joins both players' views and seats; returns the version after the second seat. */
    public long seat() {
        WsClient ann = players.get("ann");
        assertThat(ann.request(Map.of("type", "create", "gameType", "cards", "gameId", gameId)).path("type").asString()).isEqualTo("created");
        long version = 0;
        for (Map.Entry<String, WsClient> player : players.entrySet()) {
            assertThat(player.getValue().request(Map.of("type", "join", "gameId", gameId)).path("type").asString()).isEqualTo("joined");
            JsonNode reply = command(player.getKey(), "Join", Map.of(), -1);
            assertThat(reply.path("type").asString()).as("%s", reply).isEqualTo("accepted");
            version = reply.path("version").asLong();
        }
        return version;
    }

    /** Plays until the match is finished; returns the winner as the final view tells it. */
    public String playToTheEnd(long version) {
        JsonNode view = players.get("ann").awaitView(gameId, play(version, 500)).path("view");
        if (!view.path("phase").asString().equals("FINISHED")) {
            throw new AssertionError("the match did not finish within 500 moves");
        }
        return view.path("outcome").path("winner").asString();
    }

    /** Plays up to {@code moves} moves from {@code version}, or until the match is finished; returns the version reached. */
    public long play(long version, int moves) {
        for (int move = 0; move < moves; move++) {
            JsonNode view = players.get("ann").awaitView(gameId, version).path("view");
            if (view.path("phase").asString().equals("FINISHED")) {
                return version;
            }
            String mover = view.path("turn").asString();
            JsonNode moverView = mover.equals("ann") ? view : players.get(mover).awaitView(gameId, version).path("view");
            if (random.nextInt(8) == 0) {
                long after = wrongMove(mover, moverView, version);
                if (after != version) {
                    version = after;
                    continue;
                }
            }
            JsonNode reply = move(mover, moverView, version);
            assertThat(reply.path("type").asString()).as("%s's move at version %d: %s", mover, version, reply).isEqualTo("accepted");
            version = reply.path("version").asLong();
        }
        return version;
    }

    /** Whose turn it is at {@code version}, as ann's view tells it. */
    public String turnAt(long version) {
        return players.get("ann").awaitView(gameId, version).path("view").path("turn").asString();
    }

    /** The player's client from now on (after a reconnect; give it the view it already had with {@link WsClient#holdView}). */
    public void replace(String player, WsClient client) {
        players.put(player, client);
    }

    private JsonNode move(String mover, JsonNode view, long version) {
        List<JsonNode> playable = new ArrayList<>();
        JsonNode top = view.path("discard").get(view.path("discard").size() - 1);
        for (JsonNode card : view.path("yourHand")) {
            if (card.path("suit").equals(top.path("suit")) || card.path("rank").equals(top.path("rank"))) {
                playable.add(card);
            }
        }
        if (!playable.isEmpty() && (view.path("deckCount").asInt() == 0 || random.nextInt(4) != 0)) {
            return command(mover, "Play", Map.of("card", playable.get(random.nextInt(playable.size()))), version);
        }
        return command(mover, view.path("deckCount").asInt() > 0 ? "Draw" : "Pass", Map.of(), version);
    }

    /** A move the rules must refuse: out of turn, a card not held, or a pass while the deck holds cards. */
    private long wrongMove(String mover, JsonNode view, long version) {
        String other = mover.equals("ann") ? "bob" : "ann";
        JsonNode reply = switch (random.nextInt(3)) {
            case 0 -> command(other, "Draw", Map.of(), -1);
            case 1 -> command(mover, "Play", Map.of("card", Map.of("suit", "HEARTS", "rank", 1 + random.nextInt(10))), -1);
            default -> command(mover, view.path("deckCount").asInt() > 0 ? "Pass" : "Draw", Map.of(), -1);
        };
        if (reply.path("type").asString().equals("accepted")) {
            // a random "card not held" that the mover does hold is a legal play after all
            return reply.path("version").asLong();
        }
        assertThat(reply.path("type").asString()).as("%s", reply).isEqualTo("rejected");
        assertThat(reply.path("version").asLong()).isEqualTo(version);
        rejected++;
        return version;
    }

    public JsonNode command(String player, String name, Map<String, ?> payload, long expectedVersion) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "command");
        frame.put("gameId", gameId);
        frame.put("commandId", "t" + tableNumber + "-" + player + "-" + (++commandCount));
        frame.put("command", name);
        frame.put("payload", payload);
        if (expectedVersion >= 0) {
            frame.put("expectedVersion", expectedVersion);
        }
        return players.get(player).request(frame);
    }
}
