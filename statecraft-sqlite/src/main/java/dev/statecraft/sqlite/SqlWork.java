package dev.statecraft.sqlite;

import java.sql.SQLException;

/** Work done with one session. */
@FunctionalInterface
interface SqlWork<T> {
    T run(SqlSession session) throws SQLException;
}
