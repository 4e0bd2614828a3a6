package dev.statecraft.server;

import dev.statecraft.codec.JsonCodec;
import io.javalin.http.Context;

/** What every HTTP route needs: JSON bodies and checked path and query parameters. */
final class Http {
    private static final JsonCodec JSON = JsonCodec.json();

    private Http() {
    }

    static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(JSON.write(body));
    }

    static String gameId(Context ctx) {
        String gameId = ctx.pathParam("gameId");
        if (!FrameParser.isId(gameId)) {
            throw ClientError.refuse(ClientError.INVALID_FIELD, "a game id has " + FrameParser.ID_RULE);
        }
        return gameId;
    }

    static long longParam(Context ctx, String name, long defaultValue) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ClientError.refuse(ClientError.INVALID_FIELD, "'" + name + "' must be a whole number >= 0 (was '" + FrameParser.abbreviate(raw) + "')");
        }
    }

    static int limitParam(Context ctx) {
        long limit = longParam(ctx, "limit", 100);
        if (limit < 1 || limit > 1_000) {
            throw ClientError.refuse(ClientError.INVALID_FIELD, "'limit' must be 1 to 1000 (was " + limit + ")");
        }
        return (int) limit;
    }
}
