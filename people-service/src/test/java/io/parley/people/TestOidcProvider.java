package io.parley.people;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.parley.harness.Ports;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server (servlet, Tomcat)
 * in this JVM on a port of its own, with one confidential client for people-service
 * (client_secret_basic, authorization code, PKCE required, no consent screen), form login
 * for people added at run time, and their email, email_verified and name in the ID token,
 * as Keycloak or Google put them there.
 */
final class TestOidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "parley-people";
    static final String CLIENT_SECRET = "a client secret with spaces & symbols";

    /** Someone who can sign in at the provider, and what its ID tokens say about them. */
    record Person(String username, String password, String email, boolean emailVerified, String name) {
    }

    private final ConfigurableApplicationContext context;

    private final int port;

    private TestOidcProvider(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /**
     * A port for the provider, so that people-service can be told its issuer before
     * either starts.
     */
    static int reservePort() {
        return Ports.freePort();
    }

    static String issuer(int port) {
        return "http://127.0.0.1:" + port;
    }

    static TestOidcProvider start(int port, List<String> redirectUris) {
        String client = "--spring.security.oauth2.authorizationserver.client.parley.";
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ProviderApplication.class)
            .web(WebApplicationType.SERVLET)
            .run("--server.port=" + port, "--server.address=127.0.0.1",
                    // people-service's application.yml is on this classpath too; it
                    // describes another application
                    "--spring.config.name=test-oidc-provider", "--spring.main.banner-mode=off",
                    "--spring.security.oauth2.authorizationserver.issuer=" + issuer(port),
                    client + "registration.client-id=" + CLIENT_ID,
                    client + "registration.client-secret={noop}" + CLIENT_SECRET,
                    client + "registration.client-authentication-methods=client_secret_basic",
                    client + "registration.authorization-grant-types=authorization_code",
                    client + "registration.redirect-uris=" + String.join(",", redirectUris),
                    client + "registration.scopes=openid,email,profile", client + "require-proof-key=true",
                    client + "require-authorization-consent=false");
        return new TestOidcProvider(context, port);
    }

    String issuer() {
        return issuer(port);
    }

    /** Adds someone who can sign in from now on. */
    Person add(Person person) {
        context.getBean(People.class).put(person.username(), person);
        context.getBean(InMemoryUserDetailsManager.class)
            .createUser(
                    User.withUsername(person.username()).password("{noop}" + person.password()).roles("USER").build());
        return person;
    }

    @Override
    public void close() {
        context.close();
    }

    /** Who signs in at the provider, by username. */
    static final class People extends ConcurrentHashMap<String, Person> {

    }

    /**
     * The provider application. Not a {@code @Configuration}: people-service scans this
     * package, and must not pick it up. Only what the provider needs is auto-configured;
     * the rest of this classpath (R2DBC, Kafka, Redis, ...) is people-service's.
     */
    @ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class,
            TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
            OAuth2AuthorizationServerJwtAutoConfiguration.class })
    static class ProviderApplication {

        @Bean
        People people() {
            return new People();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager();
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> profileClaims(People people) {
            return context -> {
                Person person = people.get(context.getPrincipal().getName());
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue()) && person != null) {
                    context.getClaims()
                        .claims(claims -> claims.putAll(Map.of("email", person.email(), "email_verified",
                                person.emailVerified(), "name", person.name())));
                }
            };
        }

    }

}
