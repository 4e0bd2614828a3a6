package dev.statecraft.sqlite;

import java.sql.SQLException;

/**
 * One write, run by the group-commit writer inside the shared transaction. It must check everything
 * first and refuse (throw a {@link dev.statecraft.StatecraftException}) before writing anything; after
 * its first write, only an {@link SQLException} or another failure of the database may be thrown,
 * which makes the writer roll the whole batch back and run it again one savepoint per write.
 */
@FunctionalInterface
interface WriteOp<T> {
    T apply(SqlSession session, StreamVersions versions, EventJournal journal) throws SQLException;
}
