package dev.statecraft.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema migration that rewrites one table into another in a form only Java can write (decision records 0012 and
 * 0013): it creates the new table, copies the old one's rows into it ({@link #copy}) and drops the old one, all in
 * Flyway's transaction, so a copy that fails changes nothing. Its checksum is null: the code is the migration, and is
 * not changed once released.
 */
abstract class TableRewriteMigration implements JavaMigration {
    private final int version;
    private final String description;
    private final String createTable;
    private final String oldTable;

    TableRewriteMigration(int version, String description, String createTable, String oldTable) {
        this.version = version;
        this.description = description;
        this.createTable = createTable;
        this.oldTable = oldTable;
    }

    /** Writes the rows of the old table into the new one, on Flyway's connection, which it must not close. */
    abstract void copy(Connection connection) throws SQLException;

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(version));
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public final void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement s = connection.createStatement()) {
            s.executeUpdate(createTable);
        }
        copy(connection);
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("DROP TABLE " + oldTable);
        }
    }
}
