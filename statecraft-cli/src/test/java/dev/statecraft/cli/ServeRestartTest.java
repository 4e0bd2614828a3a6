package dev.statecraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.server.CardTable;
import dev.statecraft.server.Principal;
import dev.statecraft.server.TokenAuthority;
import dev.statecraft.server.WsClient;
import dev.statecraft.testkit.Seeds;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ServeRestartTest {
    private static final String SECRET = "a-secret-for-the-restart-test-of-32+-bytes";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void after_the_server_process_is_killed_mid_match_and_restarted_both_clients_resume_the_match_from_the_last_acknowledged_version(
            @TempDir Path folder) throws Exception {
        Path secretFile = Files.writeString(folder.resolve("secret"), SECRET);
        Path data = folder.resolve("data");
        Path stderr = folder.resolve("serve.err");
        TokenAuthority tokens = TokenAuthority.withSecret(SECRET.getBytes(StandardCharsets.UTF_8));
        Random random = new Random(Seeds.seed("ServeRestartTest"));
        try (HttpClient http = HttpClient.newHttpClient()) {
            long acknowledged;
            JsonNode annLast;
            JsonNode bobLast;
            List<Long> annBefore;
            List<Long> bobBefore;
            try (ServerProcess first = ServerProcess.serve(data, secretFile, stderr)) {
                int port = first.awaitPort();
                WsClient ann = connect(http, port, tokens, "ann");
                WsClient bob = connect(http, port, tokens, "bob");
                CardTable table = new CardTable("match-k", ann, bob, random);
                acknowledged = table.play(table.seat(), 8 + random.nextInt(8));

                assertThat(first.kill()).as("exit code of SIGKILL").isEqualTo(137);
                annLast = ann.lastView("match-k");
                bobLast = bob.lastView("match-k");
                annBefore = viewVersions(ann.received());
                bobBefore = viewVersions(bob.received());
                ann.abort();
                bob.abort();
            }

            try (ServerProcess second = ServerProcess.serve(data, secretFile, stderr)) {
                int port = second.awaitPort();
                WsClient ann = connect(http, port, tokens, "ann");
                WsClient bob = connect(http, port, tokens, "bob");
                ann.request(Map.of("type", "join", "gameId", "match-k", "since", annLast.path("version").asLong()));
                bob.request(Map.of("type", "join", "gameId", "match-k", "since", bobLast.path("version").asLong()));
                ann.holdView(annLast);
                bob.holdView(bobLast);
                CardTable table = new CardTable("match-k", ann, bob, random);

                assertThat(ann.awaitView("match-k", acknowledged).path("version").asLong())
                        .as("the restarted server is at the last acknowledged version").isEqualTo(acknowledged);
                assertThat(bob.awaitView("match-k", acknowledged).path("version").asLong()).isEqualTo(acknowledged);
                assertThat(table.playToTheEnd(acknowledged)).as("the winner, or nobody on a draw").isIn("ann", "bob", "");

                JsonNode finalView = ann.awaitType("ended");
                long finalVersion = finalView.path("lastVersion").asLong();
                assertEveryVersionOnce(annBefore, viewVersions(ann.received()), finalVersion);
                assertEveryVersionOnce(bobBefore, viewVersions(bob.received()), finalVersion);
            }
        }
    }

    private static void assertEveryVersionOnce(List<Long> before, List<Long> after, long finalVersion) {
        // a player's first view is of the version at which it joined
        List<Long> all = new ArrayList<>(before);
        all.addAll(after);
        assertThat(all).as("views across the kill: every version once, in order")
                .containsExactlyElementsOf(LongStream.rangeClosed(before.getFirst(), finalVersion).boxed().toList());
    }

    private static WsClient connect(HttpClient http, int port, TokenAuthority tokens, String player) {
        String token = tokens.issue(player, Principal.Role.PLAYER, Duration.ofMinutes(10));
        WsClient client = WsClient.connect(http, URI.create("ws://127.0.0.1:" + port + "/ws?token=" + token), Map.of());
        client.awaitType("welcome");
        return client;
    }

    private static List<Long> viewVersions(List<String> messages) {
        return messages.stream().map(JSON::readTree).filter(m -> m.path("type").asString().equals("view"))
                .map(m -> m.path("version").asLong()).toList();
    }
}
