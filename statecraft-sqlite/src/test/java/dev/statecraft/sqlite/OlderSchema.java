package dev.statecraft.sqlite;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/** For tests of the schema migrations: a store file brought to an older schema, as an earlier version of Statecraft left it. */
final class OlderSchema {
    private OlderSchema() {
    }

    static void migrate(Path file, String version) {
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/statecraft/sqlite")
                .javaMigrations(new EventsInChunksMigration(), new CommandRunsMigration()).table(SchemaHistory.TABLE).target(version).load().migrate();
    }
}
