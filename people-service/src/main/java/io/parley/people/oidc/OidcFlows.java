package io.parley.people.oidc;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.parley.people.PeopleProperties;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-ins under way, between the redirect to the provider and its callback: kept in
 * Redis under the {@code state} for ten minutes and taken once (GETDEL), so a callback
 * cannot be replayed. Each flow is also bound to the browser that started it (a random
 * value in a cookie, its hash in the flow): without that, someone could start a sign-in,
 * sign in at the provider as themselves and hand the callback link to someone else, whose
 * browser would then be signed in to their account (login CSRF), or link their identity
 * to the other person's account.
 */
@Component
class OidcFlows {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final String KEY = "people:oidc:flow:";

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One flow. {@code linkTo} is the account that asked to link the provider, null for a
     * sign-in; {@code browserHash} is the SHA-256 of the binding cookie's value.
     */
    record Flow(String provider, String nonce, String codeVerifier, String redirectUri, String returnTo,
            String browserHash, UUID linkTo) {
    }

    /** Where to send the browser, and the binding value for its cookie. */
    record Started(URI authorizationUrl, String browser) {
    }

    private final ReactiveStringRedisTemplate redis;

    private final JsonMapper json;

    OidcFlows(ReactiveStringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /**
     * Stores a new flow and answers the provider's authorization URL: code flow with PKCE
     * (S256), a nonce the ID token must repeat. {@code browser} is the binding value the
     * browser already holds, if any, so that two tabs signing in at once do not
     * invalidate each other.
     */
    Mono<Started> start(String providerId, PeopleProperties.Oidc.Provider provider, URI authorizationEndpoint,
            URI redirectUri, String returnTo, UUID linkTo, String browser) {
        String binding = wellFormed(browser) ? browser : random();
        String state = random();
        String nonce = random();
        String verifier = random();
        Flow flow = new Flow(providerId, nonce, verifier, redirectUri.toString(), returnTo, sha256(binding), linkTo);
        URI authorizationUrl = UriComponentsBuilder.fromUri(authorizationEndpoint)
            .queryParam("response_type", "code")
            .queryParam("client_id", "{clientId}")
            .queryParam("redirect_uri", "{redirectUri}")
            .queryParam("scope", "{scope}")
            .queryParam("state", state)
            .queryParam("nonce", nonce)
            .queryParam("code_challenge", codeChallenge(verifier))
            .queryParam("code_challenge_method", "S256")
            .encode()
            .buildAndExpand(Map.of("clientId", provider.clientId(), "redirectUri", redirectUri.toString(), "scope",
                    scope(provider)))
            .toUri();
        return redis.opsForValue()
            .set(KEY + state, json.writeValueAsString(flow), LIFETIME)
            .thenReturn(new Started(authorizationUrl, binding));
    }

    /**
     * The flow this state started, once, and only in the browser that started it; empty
     * otherwise.
     */
    Mono<Flow> take(String state, String browser) {
        if (!wellFormed(state)) {
            return Mono.empty();
        }
        return redis.opsForValue()
            .getAndDelete(KEY + state)
            .map(stored -> json.readValue(stored, Flow.class))
            .filter(flow -> wellFormed(browser)
                    && MessageDigest.isEqual(sha256(browser).getBytes(StandardCharsets.US_ASCII),
                            flow.browserHash().getBytes(StandardCharsets.US_ASCII)));
    }

    private static String scope(PeopleProperties.Oidc.Provider provider) {
        return Stream.concat(Stream.of("openid"), provider.scopes().stream())
            .distinct()
            .collect(Collectors.joining(" "));
    }

    /** RFC 7636 §4.2: BASE64URL(SHA-256(verifier)). */
    private static String codeChallenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(verifier));
    }

    /**
     * 256 random bits, base64url: state, nonce, PKCE verifier (43 characters, as RFC 7636
     * asks) and binding.
     */
    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Only what {@link #random()} could have produced is worth a lookup. */
    private static boolean wellFormed(String value) {
        return value != null && value.length() == 43
                && value.chars()
                    .allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                            || c == '-' || c == '_');
    }

    private static String sha256(String value) {
        return HexFormat.of().formatHex(digest(value));
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

}
