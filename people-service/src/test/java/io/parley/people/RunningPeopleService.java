package io.parley.people;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.parley.harness.SharedInfrastructure;
import io.parley.tokens.RsaKeys;
import io.parley.tokens.access.AccessTokenSigner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real people-service on a free port, on the shared PostgreSQL (a database per test
 * class), Redis and Kafka, signing with a key the test also holds, so tests can forge
 * tokens with the right signature.
 */
public final class RunningPeopleService implements AutoCloseable {

    static final RSAKey KEY = RsaKeys.generate();

    /**
     * The OpenID Connect provider that OidcSignInIT starts puts Spring Security's web
     * auto-configuration on the test classpath, which would put every endpoint of
     * people-service (which has none of it) behind a login. This replaces
     * parley-defaults.yml's exclusion, so it repeats it first.
     */
    private static final String EXCLUDED = String.join(",",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.reactive."
                    + "ReactiveManagementWebSecurityAutoConfiguration");

    private final ConfigurableApplicationContext context;

    private final String database;

    private RunningPeopleService(ConfigurableApplicationContext context, String database) {
        this.context = context;
        this.database = database;
    }

    public static RunningPeopleService start(String database, String... extraArgs) {
        return start(database, SharedInfrastructure.postgresProperties(database), extraArgs);
    }

    static RunningPeopleService start(String database, Map<String, Object> postgres, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--parley.people.tokens.keys-dir=" + keysDir(),
                "--spring.autoconfigure.exclude=" + EXCLUDED));
        SharedInfrastructure.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        postgres.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(extraArgs));
        return new RunningPeopleService(
                new SpringApplicationBuilder(PeopleServiceApplication.class).web(WebApplicationType.REACTIVE)
                    .run(args.toArray(String[]::new)),
                database);
    }

    private static Path keysDir;

    private static synchronized Path keysDir() {
        if (keysDir == null) {
            try {
                keysDir = Files.createTempDirectory("people-keys-");
                Files.writeString(keysDir.resolve("signing-key.json"), new JWKSet(KEY).toString(false));
                keysDir.toFile().deleteOnExit();
                keysDir.resolve("signing-key.json").toFile().deleteOnExit();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return keysDir;
    }

    static AccessTokenSigner signer() {
        return new AccessTokenSigner(KEY, "parley");
    }

    String database() {
        return database;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    public WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(30)).build();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

}
