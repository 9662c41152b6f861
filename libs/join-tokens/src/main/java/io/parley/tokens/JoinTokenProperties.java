package io.parley.tokens;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How services verify join tokens ({@code parley.tokens.*}).
 *
 * @param jwksUri where meeting-service publishes its public keys (default the local meeting-service)
 * @param issuer the {@code iss} every token must carry (default {@code parley})
 * @param maxLifetime the longest a token can live; revocations are kept this long (default 12h)
 */
@Validated
@ConfigurationProperties("parley.tokens")
public record JoinTokenProperties(
        @NotNull @DefaultValue("http://127.0.0.1:8082/.well-known/jwks.json") URI jwksUri,
        @NotBlank @DefaultValue("parley") String issuer,
        @NotNull @DefaultValue("12h") Duration maxLifetime) {
}
