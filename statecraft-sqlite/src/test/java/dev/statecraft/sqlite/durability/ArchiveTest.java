package dev.statecraft.sqlite.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.CommandRequest;
import dev.statecraft.engine.CommandResult;
import dev.statecraft.engine.Engine;
import dev.statecraft.engine.EngineOptions;
import dev.statecraft.engine.PhaseTransition;
import dev.statecraft.engine.Versioned;
import dev.statecraft.examples.cards.CardCommand;
import dev.statecraft.examples.cards.CardPhase;
import dev.statecraft.examples.cards.CardState;
import dev.statecraft.examples.cards.Cards;
import dev.statecraft.rules.Actor;
import dev.statecraft.rules.Setup;
import dev.statecraft.sqlite.SqliteStore;
import dev.statecraft.store.ArchivedGame;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {
    @TempDir
    Path folder;

    @Test
    void a_finished_match_is_archived_out_of_the_active_tables_into_a_complete_record_whose_replay_reproduces_its_final_state() throws SQLException {
        Path file = folder.resolve("statecraft.db");
        Versioned<Object> finalLive;
        try (SqliteStore store = SqliteStore.open(file);
             Engine engine = Engine.builder().store(store).register(Cards.TYPE).seed(11)
                     .options(EngineOptions.defaults().withPassivateAfter(Duration.ZERO)).build()) {
            engine.create(Cards.TYPE, "m-1", Setup.empty());
            engine.create(Cards.TYPE, "m-2", Setup.empty());
            Moves.seatBoth(engine, "m-1");
            Moves.seatBoth(engine, "m-2");
            Moves.play(engine, "m-1", 6);
            String turn = engine.state("m-1", CardState.class).value().turn();
            Versioned<Object> beforeEnd = engine.state("m-1");
            CommandResult first = Moves.submit(engine, "m-1", turn, "forfeit", new CardCommand.Forfeit());
            finalLive = engine.state("m-1");
            assertThat(engine.submit("m-1", CommandRequest.of("forfeit", Actor.player(turn), new CardCommand.Forfeit())))
                    .as("a retry of the command that finished (and archived) the match").isEqualTo(first);

            assertThat(finalLive.phase()).isEqualTo(CardPhase.FINISHED);
            assertThat(finalLive.version()).isEqualTo(beforeEnd.version() + 1);
        }

        try (SqliteStore store = SqliteStore.open(file);
             Engine engine = Engine.builder().store(store).register(Cards.TYPE).build()) {
            for (String table : List.of("games", "event_chunks", "command_runs", "snapshots")) {
                assertThat(rows(file, table, "m-1")).as("rows of m-1 left in %s", table).isZero();
            }
            assertThat(engine.events("m-2", 1, Long.MAX_VALUE)).as("the other match is untouched").hasSize(3);

            ArchivedGame archived = engine.findArchived("m-1").orElseThrow();
            assertThat(archived.gameType()).isEqualTo("cards");
            assertThat(archived.outcome()).contains("wins");
            assertThat(archived.finalVersion()).isEqualTo(finalLive.version());
            assertThat(archived.eventCount()).isEqualTo(finalLive.version());
            assertThat(archived.duration()).isPositive();
            assertThat(archived.replayBundle()).isNotEmpty();

            assertThat(engine.archivedState("m-1")).isEqualTo(finalLive);
            assertThat(engine.replayArchived("m-1")).isEqualTo(finalLive);
            assertThat(engine.state("m-1")).isEqualTo(finalLive);
            assertThat(engine.events("m-1", 1, Long.MAX_VALUE)).hasSize((int) finalLive.version());
            assertThat(engine.stateAt("m-1", 3).phase()).isEqualTo(CardPhase.PLAYING);
            assertThat(engine.transitions("m-1")).extracting(PhaseTransition::to).containsExactly(CardPhase.PLAYING, CardPhase.FINISHED);
        }
    }

    private static long rows(Path file, String table, String gameId) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE game_id = ?")) {
            count.setString(1, gameId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
