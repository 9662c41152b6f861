package io.parley.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Redis server, one PostgreSQL server, one Kafka broker and, for the modules that
 * have its jar ({@link S3ProxyProcess}), one S3 server per test JVM, each started on
 * first use and stopped when the JVM exits. Starting them once keeps the suite fast;
 * tests that kill or restart a server start their own instead.
 */
public final class SharedInfrastructure {

    private static RedisServerProcess redis;

    private static KafkaBrokerProcess kafka;

    private static PostgresServerProcess postgres;

    private static S3ProxyProcess s3;

    private static Path root;

    private SharedInfrastructure() {
    }

    public static synchronized RedisServerProcess redis() {
        if (redis == null) {
            redis = RedisServerProcess.startOnFreePort(root().resolve("redis"));
        }
        return redis;
    }

    public static synchronized KafkaBrokerProcess kafka() {
        if (kafka == null) {
            kafka = KafkaBrokerProcess.startOnFreePorts(root().resolve("kafka"));
        }
        return kafka;
    }

    public static synchronized PostgresServerProcess postgres() {
        if (postgres == null) {
            postgres = PostgresServerProcess.startOnFreePort(root().resolve("postgres"));
        }
        return postgres;
    }

    public static synchronized S3ProxyProcess s3() {
        if (s3 == null) {
            s3 = S3ProxyProcess.startOnFreePort(root().resolve("s3"));
        }
        return s3;
    }

    /** Spring Boot properties that point an application at the shared Redis and Kafka. */
    public static Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.data.redis.host", redis().host());
        properties.put("spring.data.redis.port", redis().port());
        properties.put("spring.kafka.bootstrap-servers", kafka().bootstrapServers());
        return properties;
    }

    /**
     * Spring Boot properties that point an application at the database of this name on
     * the shared PostgreSQL, created if it does not exist yet: R2DBC for the application,
     * JDBC for Flyway's migrations at start-up. A name of its own per test class keeps
     * their rows apart; the same name shares them.
     */
    public static Map<String, Object> postgresProperties(String database) {
        PostgresServerProcess server = postgres();
        server.createDatabase(database);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", server.r2dbcUrl(database));
        properties.put("spring.r2dbc.username", server.username());
        properties.put("spring.flyway.url", server.jdbcUrl(database));
        properties.put("spring.flyway.user", server.username());
        return properties;
    }

    private static Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("parley-harness-");
            }
            catch (IOException ex) {
                throw new HarnessException("Cannot create a temporary directory for the test servers", ex);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SharedInfrastructure::stopAll, "harness-shutdown"));
        }
        return root;
    }

    private static synchronized void stopAll() {
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
        if (redis != null) {
            redis.stop();
        }
        if (s3 != null) {
            s3.stop();
        }
        TempDirs.deleteQuietly(root);
    }

}
