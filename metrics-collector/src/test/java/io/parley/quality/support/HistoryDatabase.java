package io.parley.quality.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /**
     * A sample row as the consumer writes it, with round-trip time, receive loss and
     * receive bitrate (each may be null).
     */
    public void storeSample(String meetingId, String participantId, Instant measuredAt, Double rttMs,
            Double recvLossPct, Double recvBitrateBps) {
        execute("insert into quality_sample (meeting_id, measured_at, event_id, participant_id, session_id, "
                + "received_at, format, rtt_ms, recv_loss_pct, recv_bitrate_bps) values (?, ?::timestamptz, "
                + "?::uuid, ?, 's-1', ?::timestamptz, 'parley', ?, ?, ?)", meetingId, measuredAt.toString(),
                UUID.randomUUID().toString(), participantId, measuredAt.toString(), rttMs, recvLossPct, recvBitrateBps);
    }

    /** Every row, each as column label to value, in the order the query returns them. */
    public List<Map<String, Object>> rows(String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
                }
                result.add(row);
            }
            return result;
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
