package dev.statecraft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.statecraft.codec.JsonCodec;
import dev.statecraft.rules.Seat;
import dev.statecraft.testkit.Seeds;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * One row per bad input a client can send: each is refused with the error docs/PROTOCOL.md documents
 * for it, changes no game, creates none, leaks no stack trace, and leaves other clients served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    /**
     * The strict server's burst. Its flood sends exactly what earns the close: a burst admitted, then one
     * refusal more than the burst. Frames sent after the close would meet a reset connection, and a client
     * that sees the reset may lose the replies still unread.
     */
    private static final int STRICT_BURST = 5;

    private static final JsonCodec JSON = JsonCodec.json();
    private static final Set<String> REPLY_TYPES = Set.of("accepted", "rejected", "error", "created", "joined", "left");
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\tat |\\bat (java|javax|jdk|sun|dev|io|org|com|tools)\\.|\\b[a-z]+\\.[a-z.]*[A-Z]\\w*(Exception|Error)\\b");
    private static final int OVER_THE_LIMIT = 16 * 1024 + 1;

    private Path folder;
    private TestServer server;
    private TestServer strictServer;
    private WsClient ann;
    private WsClient bob;
    private WsClient bystander;
    private String outOfTurn;
    private long runningVersion;
    private final AtomicInteger commandIds = new AtomicInteger();

    @BeforeAll
    void start_a_server_with_a_running_match_and_a_game_in_its_lobby(@TempDir Path folder) throws Exception {
        this.folder = folder;
        server = new TestServer(Files.createDirectories(folder.resolve("default-limits")));
        strictServer = new TestServer(Files.createDirectories(folder.resolve("strict-limits")),
                ServerOptions.defaults().withMessageRate(1, STRICT_BURST));
        ann = server.connect("ann");
        bob = server.connect("bob");
        runningVersion = new CardTable("running", ann, bob, new Random(0)).seat();
        assertThat(ann.request(Map.of("type", "create", "gameType", "cards", "gameId", "lobby")).path("type").asString()).isEqualTo("created");
        String inTurn = JSON.tree(server.engine.view("running", Seat.player("ann")).value()).path("turn").asString();
        outOfTurn = inTurn.equals("ann") ? "bob" : "ann";
        bystander = server.connect("carol");
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {bystander, bob, ann, strictServer, server}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badInputs")
    void a_bad_input_is_refused_with_its_documented_error_and_changes_nothing(String input, String expected, Abuse abuse) {
        List<String> before = snapshot();

        Reply reply = abuse.send();

        assertThat(reply.outcome()).as("%s; received %s", input, reply.texts()).isEqualTo(expected);
        assertThat(reply.texts()).as("no reply carries a stack trace").noneMatch(text -> STACK_TRACE.matcher(text).find());
        assertThat(snapshot()).as("games, their versions and states, the history").isEqualTo(before);
        assertThat(bystander.isClosed()).isFalse();
        assertThat(bystander.request(Map.of("type", "spectate", "gameId", "running")).path("type").asString())
                .as("a client connected during the abuse is still served").isEqualTo("joined");
    }

    @Test
    void two_players_finish_a_match_while_a_third_client_sends_every_bad_input_and_floods_the_same_server() throws Exception {
        long seed = Seeds.seed("BadInputTest.two_players_finish_a_match_while_a_third_client_sends_every_bad_input_and_floods_the_same_server");
        List<Arguments> rows = badInputs().toList();
        AtomicBoolean matchOver = new AtomicBoolean();
        AtomicInteger rounds = new AtomicInteger();
        List<String> wrong = new ArrayList<>();
        Thread abuser = Thread.ofVirtual().name("abuser").start(() -> {
            do {
                for (Arguments row : rows) {
                    Object[] cells = row.get();
                    try {
                        Reply reply = ((Abuse) cells[2]).send();
                        if (!reply.outcome().equals(cells[1])) {
                            wrong.add(cells[0] + ": " + reply.outcome());
                        }
                    } catch (RuntimeException | AssertionError e) {
                        wrong.add(cells[0] + ": " + e);
                    }
                }
                try {
                    Reply flood = flood(server, 1_000, false);
                    if (!flood.outcome().equals("error rate-limited")) {
                        wrong.add("flood of the default server: " + flood.outcome());
                    }
                } catch (RuntimeException | AssertionError e) {
                    wrong.add("flood of the default server: " + e);
                }
                rounds.incrementAndGet();
            } while (!matchOver.get());
        });
        String winner;
        try (WsClient honestAnn = server.connect("ann"); WsClient honestBob = server.connect("bob")) {
            CardTable table = new CardTable("honest", honestAnn, honestBob, new Random(seed));
            winner = table.playToTheEnd(table.seat());
        } finally {
            matchOver.set(true);
            abuser.join(WsClient.WAIT.multipliedBy(6));
        }

        assertThat(winner).as("the winner, or none for a draw").isIn("ann", "bob", "");
        assertThat(server.engine.findArchived("honest")).as("the finished match is archived").isPresent();
        assertThat(abuser.isAlive()).isFalse();
        assertThat(wrong).isEmpty();
        assertThat(rounds.get()).isPositive();
    }

    @Test
    void a_connection_silent_for_longer_than_the_idle_timeout_is_closed_with_1001() throws Exception {
        try (TestServer idle = new TestServer(Files.createDirectories(folder.resolve("idle")),
                ServerOptions.defaults().withIdleTimeout(Duration.ofMillis(300)));
             WsClient client = idle.connect("ann")) {
            assertThat(client.awaitClose()).isEqualTo(1001);
        }
    }

    Stream<Arguments> badInputs() {
        String command = "{\"type\": \"command\", \"gameId\": \"running\", \"commandId\": \"c-1\", \"command\": ";
        return Stream.of(
                row("malformed JSON", "error malformed-json", () -> ws("mallory", "{\"type\": \"join\", \"gameId\": ")),
                row("a JSON array", "error malformed-json", () -> ws("mallory", "[{\"type\": \"join\", \"gameId\": \"running\"}]")),
                row("a bare JSON string", "error malformed-json", () -> ws("mallory", "\"join\"")),
                row("an unknown message type", "error unknown-type", () -> ws("mallory", "{\"type\": \"shout\", \"gameId\": \"running\"}")),
                row("a binary message", "error unknown-type", () -> wsBinary(new byte[] {'{', '}', 0, -1})),
                row("a message without a type", "error missing-field", () -> ws("mallory", "{\"gameId\": \"running\"}")),
                row("a join without a game id", "error missing-field", () -> ws("mallory", "{\"type\": \"join\"}")),
                row("a command without a command id", "error missing-field",
                        () -> ws(outOfTurn, "{\"type\": \"command\", \"gameId\": \"running\", \"command\": \"Draw\"}")),
                row("a command with a null command", "error missing-field", () -> ws(outOfTurn, command + "null}")),
                row("a type that is a number", "error invalid-field", () -> ws("mallory", "{\"type\": 7}")),
                row("a game id with a space", "error invalid-field", () -> ws("mallory", "{\"type\": \"join\", \"gameId\": \"run ning\"}")),
                row("a game id starting with a dash", "error invalid-field", () -> ws("mallory", "{\"type\": \"join\", \"gameId\": \"-running\"}")),
                row("a command for a game id starting with a dot", "error invalid-field",
                        () -> ws(outOfTurn, "{\"type\": \"command\", \"gameId\": \".running\", \"commandId\": \"c-1\", \"command\": \"Draw\"}")),
                row("a ref of 65 characters", "error invalid-field",
                        () -> ws("mallory", "{\"type\": \"join\", \"gameId\": \"running\", \"ref\": \"" + "r".repeat(65) + "\"}")),
                row("a join of an unknown game", "error unknown-game", () -> ws("mallory", "{\"type\": \"join\", \"gameId\": \"no-such-game\"}")),
                row("a command for an unknown game", "error unknown-game",
                        () -> ws("ann", "{\"type\": \"command\", \"gameId\": \"no-such-game\", \"commandId\": \"c-1\", \"command\": \"Join\"}")),
                row("a leave of a game not joined", "error not-joined", () -> ws("ann", "{\"type\": \"leave\", \"gameId\": \"running\"}")),
                row("a join resuming after a version the game has not reached", "error invalid-field",
                        () -> ws("ann", "{\"type\": \"join\", \"gameId\": \"running\", \"since\": 999}")),
                row("a join with a negative since", "error invalid-field", () -> ws("ann", "{\"type\": \"join\", \"gameId\": \"running\", \"since\": -1}")),
                row("a create of an unknown game type", "error unknown-game-type",
                        () -> ws("mallory", "{\"type\": \"create\", \"gameType\": \"chess\", \"gameId\": \"new-1\"}")),
                row("a create of a game id already taken", "error game-exists",
                        () -> ws("mallory", "{\"type\": \"create\", \"gameType\": \"world\", \"gameId\": \"running\"}")),
                row("a create with a game id starting with a dash", "error invalid-field",
                        () -> ws("mallory", "{\"type\": \"create\", \"gameType\": \"cards\", \"gameId\": \"-new\"}")),
                row("a create with a setup the game refuses", "error invalid-setup",
                        () -> ws("mallory", "{\"type\": \"create\", \"gameType\": \"cards\", \"gameId\": \"new-1\", \"setup\": {\"handSize\": 99}}")),
                row("a create with a setup that is not an object", "error invalid-field",
                        () -> ws("mallory", "{\"type\": \"create\", \"gameType\": \"cards\", \"gameId\": \"new-1\", \"setup\": \"big\"}")),
                row("a command out of turn", "rejected wrong-seat", () -> ws(outOfTurn, command + "\"Draw\"}")),
                row("a command from a player without a seat", "rejected unknown-player", () -> ws("mallory", command + "\"Draw\"}")),
                row("a Draw in the lobby", "rejected wrong-phase",
                        () -> ws("ann", "{\"type\": \"command\", \"gameId\": \"lobby\", \"commandId\": \"c-1\", \"command\": \"Draw\"}")),
                row("a Join of a running match", "rejected wrong-phase", () -> ws("mallory", command + "\"Join\"}")),
                row("a stale expected version", "rejected version-conflict", () -> ws(outOfTurn, command + "\"Forfeit\", \"expectedVersion\": 1}")),
                row("a negative expected version", "error invalid-field", () -> ws(outOfTurn, command + "\"Forfeit\", \"expectedVersion\": -5}")),
                row("an unknown command name", "rejected unknown-command", () -> ws(outOfTurn, command + "\"Cheat\"}")),
                row("a card that is a string", "error invalid-field", () -> ws(outOfTurn, command + "\"Play\", \"payload\": {\"card\": \"ace\"}}")),
                row("a card of rank 11", "error invalid-field",
                        () -> ws(outOfTurn, command + "\"Play\", \"payload\": {\"card\": {\"suit\": \"HEARTS\", \"rank\": 11}}}")),
                row("a card of an unknown suit", "error invalid-field",
                        () -> ws(outOfTurn, command + "\"Play\", \"payload\": {\"card\": {\"suit\": \"STARS\", \"rank\": 3}}}")),
                row("a Play without its card", "error invalid-field", () -> ws(outOfTurn, command + "\"Play\", \"payload\": {}}")),
                row("a Draw with a field it does not have", "error invalid-field", () -> ws(outOfTurn, command + "\"Draw\", \"payload\": {\"cards\": 3}}")),
                row("a payload that is not an object", "error invalid-field", () -> ws(outOfTurn, command + "\"Draw\", \"payload\": [1]}")),
                row("a text message over 16 KiB", "close 1009", () -> wsOversize(false)),
                row("a binary message over 16 KiB", "close 1009", () -> wsOversize(true)),
                row("more messages than the rate allows", "error rate-limited, then close 1008", () -> flood(strictServer, STRICT_BURST * 2 + 1, true)),
                row("a handshake without a token", "handshake 401 unauthorized", () -> handshake("/ws", Map.of())),
                row("a handshake with an expired token", "handshake 401 unauthorized", () -> handshake("/ws?token=" + expiredToken(), Map.of())),
                row("a handshake with a forged signature", "handshake 401 unauthorized", () -> handshake("/ws?token=" + forgedToken(), Map.of())),
                row("a handshake with alg none", "handshake 401 unauthorized", () -> handshake("/ws?token=" + unsignedToken(), Map.of())),
                row("a handshake with alg none and a valid HMAC", "handshake 401 unauthorized",
                        () -> handshake("/ws?token=" + server.tokens.sign(Map.of("alg", "none"), claims("ann", "player", 600)), Map.of())),
                row("a handshake with a token that is not a JWT", "handshake 401 unauthorized", () -> handshake("/ws?token=let-me-in", Map.of())),
                row("a handshake from another Origin", "handshake 403 wrong-origin",
                        () -> handshake("/ws?token=" + server.token("ann"), Map.of("Origin", "https://evil.example"))),
                row("an HTTP create with a body that is not JSON", "http 400 malformed-json",
                        () -> http("POST", "/api/games", server.token("ann"), "{\"gameType\": \"cards\", ")),
                row("an HTTP create without a game type", "http 400 missing-field",
                        () -> http("POST", "/api/games", server.token("ann"), "{\"gameId\": \"new-1\"}")),
                row("an HTTP create with a setup the game refuses", "http 400 invalid-setup",
                        () -> http("POST", "/api/games", server.token("ann"), "{\"gameType\": \"cards\", \"gameId\": \"new-1\", \"setup\": {\"handSize\": \"lots\"}}")),
                row("an HTTP command for an unknown game", "http 404 unknown-game",
                        () -> http("POST", "/api/games/no-such-game/commands", server.token("ann"), "{\"commandId\": \"c-1\", \"command\": \"Join\"}")),
                row("an HTTP command out of turn", "http 200 rejected wrong-seat",
                        () -> http("POST", "/api/games/running/commands", server.token(outOfTurn), "{\"commandId\": \"c-1\", \"command\": \"Draw\"}")),
                row("an HTTP command whose payload does not fit", "http 400 invalid-field",
                        () -> http("POST", "/api/games/running/commands", server.token(outOfTurn), "{\"commandId\": \"c-1\", \"command\": \"Play\", \"payload\": {\"card\": 7}}")),
                row("an HTTP view of a game id starting with a dash", "http 400 invalid-field",
                        () -> http("GET", "/api/games/-running/view", server.token("ann"), null)),
                row("an HTTP body over 16 KiB", "http 413 frame-too-large",
                        () -> http("POST", "/api/games", server.token("ann"), "{\"gameId\": \"" + "x".repeat(OVER_THE_LIMIT) + "\"}")),
                row("an HTTP request without a token", "http 401 unauthorized",
                        () -> http("POST", "/api/games", null, "{\"gameType\": \"cards\", \"gameId\": \"new-1\"}")),
                row("an HTTP request with an expired token", "http 401 unauthorized",
                        () -> http("POST", "/api/games", expiredToken(), "{\"gameType\": \"cards\", \"gameId\": \"new-1\"}")),
                row("an HTTP request with a Basic authorization", "http 401 unauthorized",
                        () -> httpWithAuthorization("/api/admin/games", "Basic YW5uOmFubg==")),
                row("a player token on an operator endpoint", "http 403 forbidden", () -> http("GET", "/api/admin/games", server.token("ann"), null)),
                row("a player token archiving a game", "http 403 forbidden", () -> http("POST", "/api/admin/games/running/archive", server.token("ann"), "")),
                row("a player token whose claims were edited to admin", "http 401 unauthorized",
                        () -> http("GET", "/api/admin/games", promotedToken(), null)),
                row("a player token on /metrics", "http 403 forbidden", () -> http("GET", "/metrics", server.token("ann"), null)),
                row("no token on /metrics", "http 401 unauthorized", () -> http("GET", "/metrics", null, null)),
                row("no token on an operator endpoint", "http 401 unauthorized", () -> http("POST", "/api/admin/games/running/archive", null, "")),
                row("an operator reading the state at a version not reached", "http 400 invalid-field",
                        () -> http("GET", "/api/admin/games/running?version=999", server.adminToken(), null)),
                row("an operator reading the state at a malformed instant", "http 400 invalid-field",
                        () -> http("GET", "/api/admin/games/running?at=yesterday", server.adminToken(), null)),
                row("an operator reading the events of an unknown game", "http 404 unknown-game",
                        () -> http("GET", "/api/admin/games/no-such-game/events", server.adminToken(), null)),
                row("an operator archiving an unknown game", "http 404 unknown-game",
                        () -> http("POST", "/api/admin/games/no-such-game/archive", server.adminToken(), "")),
                row("an unknown endpoint", "http 404 not-found", () -> http("GET", "/api/games", server.token("ann"), null)));
    }

    private static Arguments row(String input, String expected, Abuse abuse) {
        return arguments(input, expected, abuse);
    }

    @FunctionalInterface
    interface Abuse {
        Reply send();
    }

    /** What came back, as "error malformed-json", "close 1009" or "http 403 forbidden", and every text received. */
    record Reply(String outcome, List<String> texts) {
    }

    /** Sends one text message as {@code player}; checks it gets exactly one reply (the next request's reply comes second). */
    private Reply ws(String player, String text) {
        try (WsClient client = server.connect(player)) {
            client.sendText(withFreshCommandId(text));
            return oneReply(client);
        }
    }

    /**
     * Command ids are the game's, not the player's: a second "c-1" would be answered with the reply to the
     * first, whoever sent it. Each bad command gets an id of its own so that it is decided, not replayed.
     */
    private String withFreshCommandId(String text) {
        return text.replace("\"c-1\"", "\"bad-" + commandIds.incrementAndGet() + "\"");
    }

    private Reply wsBinary(byte[] bytes) {
        try (WsClient client = server.connect("mallory")) {
            client.sendBinary(bytes);
            return oneReply(client);
        }
    }

    private static Reply oneReply(WsClient client) {
        JsonNode reply = client.awaitMatching(m -> REPLY_TYPES.contains(m.path("type").asString("")), "a reply");
        client.request(Map.of("type", "leave", "gameId", "nothing-joined"));
        List<String> texts = client.received();
        assertThat(texts.stream().map(t -> JSON.mapper().readTree(t).path("type").asString("")).filter(REPLY_TYPES::contains))
                .as("exactly one reply, then the next request's: %s", texts).hasSize(2);
        String code = reply.path("code").asString("");
        return new Reply(reply.path("type").asString() + (code.isEmpty() ? "" : " " + code), texts);
    }

    private Reply wsOversize(boolean binary) {
        try (WsClient client = server.connect("mallory")) {
            String text = "{\"type\": \"join\", \"gameId\": \"running\", \"pad\": \"" + "x".repeat(OVER_THE_LIMIT) + "\"}";
            boolean sent = binary ? trySendBinary(client, text.getBytes(StandardCharsets.UTF_8)) : client.trySendText(text);
            return new Reply("close " + client.awaitClose() + (sent ? "" : " (before the message was sent)"), client.received());
        }
    }

    private static boolean trySendBinary(WsClient client, byte[] bytes) {
        try {
            client.sendBinary(bytes);
            return true;
        } catch (java.util.concurrent.CompletionException e) {
            return false;
        }
    }

    /**
     * Sends up to {@code frames} messages as fast as it can, or until the server closes the connection;
     * with {@code awaitClose} the outcome names the close code the connection ends with. Without it, the
     * client stops once it is told it is rate-limited: a client that keeps sending until the server
     * closes may have its unread replies discarded by the TCP reset that its surplus messages provoke.
     */
    private static Reply flood(TestServer target, int frames, boolean awaitClose) {
        try (WsClient client = target.connect("mallory")) {
            String frame = "{\"type\": \"join\", \"gameId\": \"no-such-game\"}";
            for (int i = 0; i < frames && !client.isClosed() && (awaitClose || !isRateLimited(client)) && client.trySendText(frame); i++) {
                // keep sending
            }
            if (awaitClose) {
                int code = client.awaitClose();
                boolean limited = isRateLimited(client);
                return new Reply((limited ? "error rate-limited" : "no rate-limited error") + ", then close " + code, client.received());
            }
            JsonNode limited = client.awaitMatching(m -> m.path("code").asString("").equals("rate-limited"), "a rate-limited error");
            return new Reply("error " + limited.path("code").asString(), client.received());
        }
    }

    private static boolean isRateLimited(WsClient client) {
        return client.received().stream().anyMatch(text -> text.contains("\"rate-limited\""));
    }

    private Reply handshake(String pathAndQuery, Map<String, String> headers) {
        RawHandshake.Response response = RawHandshake.attempt(server.server.port(), pathAndQuery, headers);
        return new Reply("handshake " + response.status() + " " + codeOf(response.body()), List.of(response.body()));
    }

    private Reply http(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(withFreshCommandId(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return httpReply(server.send(request.build()));
    }

    private Reply httpWithAuthorization(String path, String authorization) {
        return httpReply(server.send(HttpRequest.newBuilder(server.url(path)).header("Authorization", authorization).GET().build()));
    }

    private static Reply httpReply(HttpResponse<String> response) {
        String code = codeOf(response.body());
        if (code.isEmpty()) {
            JsonNode body = JSON.mapper().readTree(response.body());
            code = body.path("type").asString("") + " " + body.path("code").asString("");
        }
        return new Reply("http " + response.statusCode() + " " + code.trim(), List.of(response.body()));
    }

    private static String codeOf(String body) {
        try {
            JsonNode node = JSON.mapper().readTree(body);
            return node.path("type").isMissingNode() ? node.path("code").asString("") : "";
        } catch (RuntimeException e) {
            return "(not JSON: " + body + ")";
        }
    }

    private String expiredToken() {
        return server.tokens.sign(Map.of("alg", "HS256", "typ", "JWT"), claims("ann", "player", -60));
    }

    private static String forgedToken() {
        return TokenAuthority.withSecret("a-different-secret-of-at-least-32-bytes".getBytes(StandardCharsets.US_ASCII))
                .issue("ann", Principal.Role.ADMIN, Duration.ofMinutes(10));
    }

    private String unsignedToken() {
        String signed = server.tokens.sign(Map.of("alg", "none", "typ", "JWT"), claims("ann", "admin", 600));
        return signed.substring(0, signed.lastIndexOf('.') + 1);
    }

    /** A real player token whose claims part is swapped for admin claims, its signature kept. */
    private String promotedToken() {
        String[] player = server.token("ann").split("\\.");
        String[] admin = server.tokens.sign(Map.of("alg", "HS256", "typ", "JWT"), claims("ann", "admin", 600)).split("\\.");
        return player[0] + "." + admin[1] + "." + player[2];
    }

    private static Map<String, Object> claims(String player, String role, long expiresInSeconds) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", player);
        claims.put("role", role);
        claims.put("exp", Instant.now().getEpochSecond() + expiresInSeconds);
        return claims;
    }

    /** Every game of both servers, the running match's and the lobby game's version and state, and the history. */
    private List<String> snapshot() {
        String admin = server.adminToken();
        List<String> snapshot = new ArrayList<>();
        for (String path : List.of("/api/admin/games?limit=1000", "/api/admin/history?limit=1000", "/api/admin/games/running", "/api/admin/games/lobby")) {
            HttpResponse<String> response = server.get(path, admin);
            assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
            snapshot.add(response.body());
        }
        snapshot.add(strictServer.get("/api/admin/games?limit=1000", strictServer.adminToken()).body());
        assertThat(server.engine.state("running").version()).isEqualTo(runningVersion);
        return snapshot;
    }
}
