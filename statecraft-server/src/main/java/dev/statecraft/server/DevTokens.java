package dev.statecraft.server;

import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Dev mode's token counter: {@code POST /dev/token {"player": "ann"}} returns a player token for anyone who asks. */
final class DevTokens {
    static final Duration LIFETIME = Duration.ofHours(12);

    private DevTokens() {
    }

    static void register(RoutesConfig routes, TokenAuthority tokens) {
        routes.post("/dev/token", ctx -> {
            JsonNode body = FrameParser.tree(ctx.body());
            JsonNode player = body.get("player");
            if (player == null || !player.isString() || !player.asString().matches("[A-Za-z0-9._-]{1,32}")) {
                throw ClientError.refuse(ClientError.INVALID_FIELD, "'player' must be 1 to 32 of the characters A-Z a-z 0-9 . _ -");
            }
            boolean admin = body.path("admin").asBoolean(false);
            String token = tokens.issue(player.asString(), admin ? Principal.Role.ADMIN : Principal.Role.PLAYER, LIFETIME);
            Http.json(ctx, Map.of("token", token, "player", player.asString(), "devMode", true,
                    "warning", "dev mode: tokens are handed to anyone; never expose this server"));
        });
    }
}
