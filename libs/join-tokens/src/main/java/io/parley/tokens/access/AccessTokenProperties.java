package io.parley.tokens.access;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How services verify access tokens ({@code parley.access-tokens.*}).
 *
 * @param jwksUri where people-service publishes its public keys (default the local
 * people-service)
 * @param issuer the {@code iss} every access token must carry (default {@code parley})
 * @param jwksMinRefetchInterval a token with an unknown {@code kid} makes the keys be
 * fetched again at most this often (default 30s), as for join tokens
 */
@Validated
@ConfigurationProperties("parley.access-tokens")
public record AccessTokenProperties(@NotNull @DefaultValue("http://127.0.0.1:8085/.well-known/jwks.json") URI jwksUri,
        @NotBlank @DefaultValue("parley") String issuer,
        @NotNull @DefaultValue("30s") Duration jwksMinRefetchInterval) {

    @ConstructorBinding
    public AccessTokenProperties {
    }

    /** With the default refetch interval (30 s). */
    public AccessTokenProperties(URI jwksUri, String issuer) {
        this(jwksUri, issuer, Duration.ofSeconds(30));
    }
}
