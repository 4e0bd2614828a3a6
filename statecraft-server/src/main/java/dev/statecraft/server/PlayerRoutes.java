package dev.statecraft.server;

import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Versioned;
import dev.statecraft.rules.Seat;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** The HTTP form of what a player may do: create a game, send a command, read a seat's view. */
final class PlayerRoutes {
    private final PlayerActions actions;
    private final Authenticator authenticator;
    private final ServerMetrics metrics;

    PlayerRoutes(PlayerActions actions, Authenticator authenticator, ServerMetrics metrics) {
        this.actions = actions;
        this.authenticator = authenticator;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/games", this::create);
        routes.post("/api/games/{gameId}/commands", this::command);
        routes.get("/api/games/{gameId}/view", this::view);
    }

    private void create(Context ctx) {
        authenticate(ctx);
        ClientFrame.Create create = (ClientFrame.Create) parse(ctx, "create");
        Versioned<Object> state = actions.create(create.gameType(), create.gameId(), create.setup());
        ctx.status(201);
        Http.json(ctx, Map.of("gameId", state.gameId(), "version", state.version(), "phase", state.phase().name()));
    }

    private void command(Context ctx) {
        Principal player = authenticate(ctx);
        ClientFrame.Command command = (ClientFrame.Command) parse(ctx, "command");
        CommandResult result = actions.submit(player, command.gameId(), command.commandId(), command.name(), command.payload(), command.expectedVersion());
        metrics.command(result);
        ctx.result(Replies.result("", result)).contentType("application/json");
    }

    private void view(Context ctx) {
        Principal player = authenticate(ctx);
        String gameId = Http.gameId(ctx);
        boolean spectator = "spectator".equals(ctx.queryParam("seat"));
        Versioned<Object> view = actions.view(gameId, spectator ? Seat.spectator() : Seat.player(player.playerId()));
        ctx.result(Replies.view(spectator ? "spectator" : player.playerId(), view)).contentType("application/json");
    }

    private Principal authenticate(Context ctx) {
        return authenticator.authenticate(ctx.header("Authorization"), null);
    }

    /** The body read as the WebSocket message of {@code type}, the game id taken from the path when there is one. */
    private static ClientFrame parse(Context ctx, String type) {
        ObjectNode body = (ObjectNode) FrameParser.tree(ctx.body());
        body.put("type", type);
        if (ctx.pathParamMap().containsKey("gameId")) {
            body.put("gameId", ctx.pathParam("gameId"));
        }
        return FrameParser.parse(body);
    }
}
