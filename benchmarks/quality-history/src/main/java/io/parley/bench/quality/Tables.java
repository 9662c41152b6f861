package io.parley.bench.quality;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One database of the harness's PostgreSQL, over JDBC: row counts and the on-disk size of a partitioned table. */
final class Tables {

    private final String url;
    private final String user;

    Tables(String url, String user) {
        this.url = url;
        this.user = user;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    /** Rows in {@code table}, or -1 while it does not exist yet (the collector's Flyway has not run). */
    long rows(String table) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        }
        catch (SQLException ex) {
            if ("42P01".equals(ex.getSQLState())) {
                return -1;
            }
            throw new IllegalStateException("counting " + table, ex);
        }
    }

    long single(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql, ex);
        }
    }

    /** Heap, TOAST, primary key, free-space and visibility maps of every partition of {@code parent}. */
    long partitionBytes(String parent) {
        return single("select coalesce(sum(pg_total_relation_size(i.inhrelid)), 0) from pg_inherits i "
                + "where i.inhparent = '" + parent + "'::regclass");
    }

    void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql, ex);
        }
    }
}
