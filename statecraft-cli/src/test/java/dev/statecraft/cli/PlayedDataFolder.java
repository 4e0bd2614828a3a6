package dev.statecraft.cli;

import dev.statecraft.codec.JsonCodec;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.RecordedEvent;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.examples.cards.ScriptedCardMatch;
import dev.statecraft.examples.world.ScriptedWorldSession;
import dev.statecraft.examples.world.World;
import dev.statecraft.sqlite.SqliteStore;
import dev.statecraft.sqlite.SqliteStoreProvider;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A real data folder: a card match played to its end (so archived) and a world zone left active, both
 * played through an engine on SQLite; and a way to run the {@code statecraft} command against it.
 */
record PlayedDataFolder(Path folder, List<RecordedEvent> zoneEvents, JsonNode matchState, JsonNode zoneState) {
    static final String MATCH = "match-1";
    static final String ZONE = "zone-1";

    static PlayedDataFolder play(Path folder) {
        try (SqliteStore store = SqliteStore.open(folder.resolve(SqliteStoreProvider.FILE_NAME));
             Engine engine = Engine.builder().store(store).register(Cards.TYPE, World.TYPE).seed(7).build()) {
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            ScriptedCardMatch.play(engine, MATCH, quiet);
            ScriptedWorldSession.play(engine, ZONE, quiet);
            return new PlayedDataFolder(folder, engine.events(ZONE, 1, Long.MAX_VALUE),
                    stateJson(engine, MATCH), stateJson(engine, ZONE));
        }
    }

    static JsonNode stateJson(Engine engine, String gameId) {
        return JsonCodec.json().tree(engine.state(gameId).value());
    }

    static JsonNode stateJson(Path folder, String gameId) {
        try (SqliteStore store = SqliteStore.open(folder.resolve(SqliteStoreProvider.FILE_NAME));
             Engine engine = Engine.builder().store(store).register(Cards.TYPE, World.TYPE).build()) {
            return stateJson(engine, gameId);
        }
    }

    Path database() {
        return folder.resolve(SqliteStoreProvider.FILE_NAME);
    }

    /** Runs {@code statecraft <args> --data <this folder>}. */
    Run run(String... args) {
        String[] withData = new String[args.length + 2];
        System.arraycopy(args, 0, withData, 0, args.length);
        withData[args.length] = "--data";
        withData[args.length + 1] = folder.toString();
        return Run.of(withData);
    }

    record Run(int exitCode, String out, String err) {
        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exitCode = StatecraftCommand.run(new PrintWriter(out), new PrintWriter(err), args);
            return new Run(exitCode, out.toString(), err.toString());
        }
    }
}
