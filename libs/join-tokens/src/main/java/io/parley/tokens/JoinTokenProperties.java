package io.parley.tokens;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How services verify join tokens ({@code parley.tokens.*}).
 *
 * @param jwksUri where meeting-service publishes its public keys (default the local
 * meeting-service)
 * @param issuer the {@code iss} every token must carry (default {@code parley})
 * @param maxLifetime the longest a token can live; revocations are kept this long
 * (default 12h)
 * @param jwksMinRefetchInterval a token with an unknown {@code kid} makes the keys be
 * fetched again at most this often (default 30s): rotated keys are picked up, forged
 * {@code kid}s do not each cost meeting-service a request
 */
@Validated
@ConfigurationProperties("parley.tokens")
public record JoinTokenProperties(@NotNull @DefaultValue("http://127.0.0.1:8082/.well-known/jwks.json") URI jwksUri,
        @NotBlank @DefaultValue("parley") String issuer, @NotNull @DefaultValue("12h") Duration maxLifetime,
        @NotNull @DefaultValue("30s") Duration jwksMinRefetchInterval) {

    @ConstructorBinding
    public JoinTokenProperties {
    }

    /** With the default refetch interval (30 s). */
    public JoinTokenProperties(URI jwksUri, String issuer, Duration maxLifetime) {
        this(jwksUri, issuer, maxLifetime, Duration.ofSeconds(30));
    }
}
