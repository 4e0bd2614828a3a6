package dev.statecraft.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/** One write, run by the group-commit writer inside the shared transaction, in a savepoint of its own. */
@FunctionalInterface
interface WriteOp<T> {
    T apply(Connection connection, StreamVersions versions) throws SQLException;
}
