package dev.statecraft.server;

import dev.statecraft.GameNotFoundException;
import dev.statecraft.codec.JsonCodec;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.RecordedEvent;
import dev.statecraft.engine.Versioned;
import dev.statecraft.rules.GameType;
import dev.statecraft.store.ArchivedGame;
import dev.statecraft.store.GameRecord;
import dev.statecraft.store.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Endpoints for operators (admin role): games, their state now or at a version or instant, events, archive, history. */
final class OperatorRoutes {
    private static final JsonCodec JSON = JsonCodec.json();

    private final Engine engine;
    private final Store store;
    private final Authenticator authenticator;

    OperatorRoutes(Engine engine, Store store, Authenticator authenticator) {
        this.engine = engine;
        this.store = store;
        this.authenticator = authenticator;
    }

    void register(RoutesConfig routes) {
        routes.before("/api/admin/*", ctx -> authenticator.authenticateAdmin(ctx.header("Authorization")));
        routes.get("/api/admin/games", this::games);
        routes.get("/api/admin/games/{gameId}", this::state);
        routes.get("/api/admin/games/{gameId}/events", this::events);
        routes.post("/api/admin/games/{gameId}/archive", this::archive);
        routes.get("/api/admin/history", this::history);
        routes.get("/api/admin/history/{gameId}", this::archived);
    }

    private void games(Context ctx) {
        List<GameRecord> page = store.games().list(after(ctx), Http.limitParam(ctx));
        Http.json(ctx, Map.of("games", page));
    }

    private void state(Context ctx) {
        String gameId = Http.gameId(ctx);
        String at = ctx.queryParam("at");
        Versioned<Object> state;
        try {
            if (ctx.queryParam("version") != null) {
                state = engine.stateAt(gameId, Http.longParam(ctx, "version", 0));
            } else if (at != null) {
                state = engine.stateAt(gameId, instant(at));
            } else {
                state = engine.state(gameId);
            }
        } catch (GameNotFoundException e) {
            throw PlayerActions.unknownGame(gameId);
        } catch (IllegalArgumentException e) {
            throw ClientError.refuse(ClientError.INVALID_FIELD, e.getMessage());
        }
        Http.json(ctx, versioned(engine.typeOf(gameId), state));
    }

    private void events(Context ctx) {
        String gameId = Http.gameId(ctx);
        long from = Http.longParam(ctx, "from", 1);
        long to = Http.longParam(ctx, "to", Long.MAX_VALUE);
        try {
            GameType<?, ?, ?, ?> type = engine.typeOf(gameId);
            List<Map<String, Object>> events = engine.events(gameId, from, to).stream().map(e -> event(type, e)).toList();
            Http.json(ctx, Map.of("gameId", gameId, "events", events));
        } catch (GameNotFoundException e) {
            throw PlayerActions.unknownGame(gameId);
        }
    }

    private void archive(Context ctx) {
        String gameId = Http.gameId(ctx);
        try {
            Http.json(ctx, summary(engine.archive(gameId)));
        } catch (GameNotFoundException e) {
            throw PlayerActions.unknownGame(gameId);
        }
    }

    private void history(Context ctx) {
        List<Map<String, Object>> page = store.archive().listArchived(after(ctx), Http.limitParam(ctx)).stream()
                .map(OperatorRoutes::summary).toList();
        Http.json(ctx, Map.of("games", page));
    }

    private void archived(Context ctx) {
        String gameId = Http.gameId(ctx);
        ArchivedGame game = engine.findArchived(gameId).orElseThrow(() -> ClientError.refuse(ClientError.NOT_FOUND, "no archived game " + gameId));
        Map<String, Object> body = summary(game);
        body.put("finalState", JSON.tree(engine.archivedState(gameId).value()));
        if ("true".equals(ctx.queryParam("replay"))) {
            body.put("replayedState", JSON.tree(engine.replayArchived(gameId).value()));
        }
        Http.json(ctx, body);
    }

    private static Map<String, Object> summary(ArchivedGame game) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("gameId", game.gameId());
        body.put("gameType", game.gameType());
        body.put("setup", game.setup());
        body.put("createdAt", game.createdAt().toString());
        body.put("finishedAt", game.finishedAt().toString());
        body.put("durationMillis", game.duration().toMillis());
        body.put("outcome", game.outcome());
        body.put("finalVersion", game.finalVersion());
        body.put("eventCount", game.eventCount());
        return body;
    }

    private static Map<String, Object> versioned(GameType<?, ?, ?, ?> type, Versioned<Object> state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("gameId", state.gameId());
        body.put("gameType", type.name());
        body.put("version", state.version());
        body.put("phase", state.phase().name());
        body.put("state", JSON.tree(state.value()));
        return body;
    }

    private static Map<String, Object> event(GameType<?, ?, ?, ?> type, RecordedEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", event.version());
        body.put("recordedAt", event.recordedAt().toString());
        body.put("commandId", event.commandId());
        body.put("type", type.events().nameOf(event.event()));
        body.put("event", JSON.tree(event.event()));
        return body;
    }

    private static String after(Context ctx) {
        String after = ctx.queryParam("after");
        return after == null ? "" : after;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ClientError.refuse(ClientError.INVALID_FIELD, "'at' must be an ISO-8601 instant such as 2026-11-21T20:00:00Z (was '"
                    + FrameParser.abbreviate(text) + "')");
        }
    }
}
