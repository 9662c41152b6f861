package io.parley.recording.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.parley.harness.PostgresServerProcess;
import io.parley.harness.SharedInfrastructure;

/** The service's database as the tests look into it and prepare it, over JDBC. */
public final class CatalogDatabase {

    private final String url;

    private final String user;

    public CatalogDatabase(String database) {
        PostgresServerProcess postgres = SharedInfrastructure.postgres();
        postgres.createDatabase(database);
        this.url = postgres.jdbcUrl(database);
        this.user = postgres.username();
    }

    /** The recording's row, column label to value; empty when there is none. */
    public Map<String, Object> row(String recordingId) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                PreparedStatement statement = connection
                    .prepareStatement("select * from recording where recording_id = ?")) {
            statement.setString(1, recordingId);
            try (ResultSet rows = statement.executeQuery()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
                    }
                }
                return row;
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public Object value(String recordingId, String column) {
        return row(recordingId).get(column);
    }

    public int execute(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql, ex);
        }
    }

}
