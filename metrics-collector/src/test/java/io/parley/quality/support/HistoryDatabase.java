package io.parley.quality.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.parley.harness.PostgresServerProcess;

/**
 * The collector's database as the tests look into it, over JDBC: row counts, partitions,
 * bulk rows.
 */
public final class HistoryDatabase {

    private final String url;

    private final String user;

    public HistoryDatabase(PostgresServerProcess postgres, String database) {
        this.url = postgres.jdbcUrl(database);
        this.user = postgres.username();
    }

    public long count(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql, ex);
        }
    }

    public List<String> strings(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql, ex);
        }
    }

    public void execute(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql, ex);
        }
    }

    /** The days (yyyymmdd) that have a partition of quality_sample, in order. */
    public List<String> partitionDays() {
        return strings("select substring(c.relname from 16) from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                + "join pg_class p on p.oid = i.inhparent where p.relname = 'quality_sample' order by 1");
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

}
