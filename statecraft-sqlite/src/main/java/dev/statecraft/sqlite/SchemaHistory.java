package dev.statecraft.sqlite;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Flyway's history table of a store file says, read before Flyway runs: whether the file holds a schema newer than
 * this version of Statecraft knows (Flyway itself ignores migrations it does not know, and would open it), and whether
 * it is exactly at the current schema, in which case Flyway, which takes 0.2 to 0.4 s to start in a fresh JVM, has
 * nothing to do. Anything unusual (a failed or repaired migration, a gap, a version that is not a whole number) is left
 * to Flyway, with its checks.
 */
final class SchemaHistory {
    static final String TABLE = "statecraft_schema_history";

    private record Row(String version, String type, boolean success) {
    }

    private final List<Row> rows;

    private SchemaHistory(List<Row> rows) {
        this.rows = rows;
    }

    /** Reads the history on {@code connection} (autocommit off) and ends the transaction, holding no snapshot afterwards. */
    static SchemaHistory read(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            boolean exists;
            try (ResultSet table = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + TABLE + "'")) {
                exists = table.next();
            }
            if (exists) {
                try (ResultSet rs = s.executeQuery("SELECT version, type, success FROM " + TABLE)) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                    }
                }
            }
        }
        connection.commit(); // every statement done first, so that the connection sees what Flyway writes next
        return new SchemaHistory(rows);
    }

    /** The newest version recorded (applied or attempted) if it is above {@code known}, dotted versions included. */
    Optional<String> newerThan(int known) {
        return rows.stream().map(Row::version).filter(version -> version != null && isAbove(version, known)).findFirst();
    }

    /** True if the successful SQL or Java migrations are exactly versions 1 to {@code current}, and nothing else is recorded. */
    boolean exactlyAt(int current) {
        TreeSet<Integer> versions = new TreeSet<>();
        for (Row row : rows) {
            if (!row.success() || row.version() == null || !row.version().matches("[1-9][0-9]{0,8}") || !Set.of("SQL", "JDBC").contains(row.type())
                    || !versions.add(Integer.parseInt(row.version()))) {
                return false;
            }
        }
        return versions.size() == current && (current == 0 || versions.last() == current);
    }

    /** Compares a Flyway version (numbers joined by dots, trailing zeros not counting) with a whole version. */
    private static boolean isAbove(String version, int known) {
        String[] parts = version.split("\\.");
        try {
            int first = new BigInteger(parts[0]).compareTo(BigInteger.valueOf(known));
            if (first != 0) {
                return first > 0;
            }
            for (int i = 1; i < parts.length; i++) {
                if (new BigInteger(parts[i]).signum() > 0) {
                    return true;
                }
            }
            return false;
        } catch (NumberFormatException notNumbers) {
            return false; // not a version Flyway writes; Flyway will say what it makes of it
        }
    }
}
