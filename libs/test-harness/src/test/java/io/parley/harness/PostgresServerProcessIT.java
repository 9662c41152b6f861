package io.parley.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerProcessIT {

    @TempDir
    Path dataDir;

    @Test
    void answersQueriesThroughJdbcAsTheParleyUserWithoutAPassword() throws SQLException {
        try (PostgresServerProcess postgres = PostgresServerProcess.startOnFreePort(dataDir)) {
            assertThat(postgres.acceptsSessions()).isTrue();
            assertThat(query(postgres, postgres.database(), "SELECT current_user || ' ' || version()")).singleElement()
                .asString()
                .startsWith("parley PostgreSQL 17");
        }
    }

    @Test
    void keepsCommittedRowsAcrossAGracefulRestart() throws SQLException {
        try (PostgresServerProcess postgres = PostgresServerProcess.startOnFreePort(dataDir)) {
            update(postgres, "CREATE TABLE greeting (text varchar(20))", "INSERT INTO greeting VALUES ('hello')");

            postgres.restart();

            assertThat(query(postgres, postgres.database(), "SELECT text FROM greeting")).containsExactly("hello");
        }
    }

    @Test
    void keepsCommittedRowsWhenKilledAndStartedAgain() throws SQLException {
        try (PostgresServerProcess postgres = PostgresServerProcess.startOnFreePort(dataDir)) {
            update(postgres, "CREATE TABLE greeting (text varchar(20))", "INSERT INTO greeting VALUES ('hello')");

            postgres.kill();
            assertThat(postgres.isRunning()).isFalse();
            assertThat(postgres.acceptsSessions()).isFalse();

            postgres.start();
            assertThat(query(postgres, postgres.database(), "SELECT text FROM greeting")).containsExactly("hello");
        }
    }

    @Test
    void pausedServerAcceptsNoSessionUntilResumedAndKeepsItsOpenOnes() throws SQLException {
        try (PostgresServerProcess postgres = PostgresServerProcess.startOnFreePort(dataDir);
                Connection open = connect(postgres, postgres.database())) {
            postgres.pause();

            assertThat(postgres.isRunning()).isTrue();
            assertThat(postgres.acceptsSessions()).isFalse();

            postgres.resume();

            assertThat(postgres.acceptsSessions()).isTrue();
            assertThat(open.isValid(5)).isTrue();
        }
    }

    @Test
    void stopsWhileAClientStillHoldsASession() throws SQLException {
        try (PostgresServerProcess postgres = PostgresServerProcess.startOnFreePort(dataDir);
                Connection idle = connect(postgres, postgres.database())) {
            postgres.stop();

            assertThat(postgres.isRunning()).isFalse();
            assertThat(idle.isValid(5)).isFalse();
        }
    }

    @Test
    void createsADatabaseOnceAndLeavesItAloneWhenAskedAgain() throws SQLException {
        try (PostgresServerProcess postgres = PostgresServerProcess.startOnFreePort(dataDir)) {
            postgres.createDatabase("people");
            try (Connection people = connect(postgres, "people"); Statement statement = people.createStatement()) {
                statement.executeUpdate("CREATE TABLE account (email varchar(100))");
                statement.executeUpdate("INSERT INTO account VALUES ('ada@example.org')");
            }

            postgres.createDatabase("people");

            assertThat(query(postgres, "people", "SELECT email FROM account")).containsExactly("ada@example.org");
            assertThat(postgres.jdbcUrl("people"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/people");
            assertThat(postgres.r2dbcUrl("people"))
                .isEqualTo("r2dbc:postgresql://127.0.0.1:" + postgres.port() + "/people");
        }
    }

    @Test
    void refusesDatabaseNamesItWouldHaveToEscape() {
        try (PostgresServerProcess postgres = PostgresServerProcess.startOnFreePort(dataDir)) {
            assertThatThrownBy(() -> postgres.createDatabase("people\"; DROP DATABASE postgres; --"))
                .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void update(PostgresServerProcess postgres, String... statements) throws SQLException {
        try (Connection connection = connect(postgres, postgres.database());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }

    private static List<String> query(PostgresServerProcess postgres, String database, String sql) throws SQLException {
        try (Connection connection = connect(postgres, database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static Connection connect(PostgresServerProcess postgres, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", postgres.username());
        return DriverManager.getConnection(postgres.jdbcUrl(database), properties);
    }

}
