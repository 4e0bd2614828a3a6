package dev.statecraft.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.store.AppendRequest;
import dev.statecraft.store.NewEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteFileTest {
    @TempDir
    Path folder;

    @Test
    void a_closed_store_is_one_self_contained_file_that_reopens_with_everything() {
        Path file = folder.resolve("statecraft.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            for (int i = 0; i < 500; i++) {
                store.events().append(new AppendRequest("g-1", i, "c-" + i, Instant.EPOCH, List.of(new NewEvent("Tick", 1, "{}".getBytes()))));
            }
        }

        assertThat(Files.exists(folder.resolve("statecraft.db-wal"))).as("write-ahead log left behind").isFalse();
        try (SqliteStore store = SqliteStore.open(file)) {
            assertThat(store.events().lastVersion("g-1")).isEqualTo(500);
        }
    }
}
