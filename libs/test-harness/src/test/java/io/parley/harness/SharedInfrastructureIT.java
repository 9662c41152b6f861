package io.parley.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class SharedInfrastructureIT {

    @Test
    void postgresPropertiesPointSpringAtADatabaseOfThatNameOnTheSharedServer() throws SQLException {
        Map<String, Object> properties = SharedInfrastructure.postgresProperties("shared_it");
        PostgresServerProcess postgres = SharedInfrastructure.postgres();

        assertThat(properties).containsOnlyKeys("spring.r2dbc.url", "spring.r2dbc.username", "spring.flyway.url",
                "spring.flyway.user");
        assertThat(properties.get("spring.r2dbc.url")).isEqualTo(postgres.r2dbcUrl("shared_it"));
        assertThat(properties.get("spring.r2dbc.username")).isEqualTo("parley");
        Properties login = new Properties();
        login.setProperty("user", (String) properties.get("spring.flyway.user"));
        try (Connection connection = DriverManager.getConnection((String) properties.get("spring.flyway.url"), login)) {
            assertThat(connection.getCatalog()).isEqualTo("shared_it");
        }
    }

}
