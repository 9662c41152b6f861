package io.parley.people.oidc;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.parley.people.PeopleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The configured providers, each described by its discovery document
 * ({@code <issuer>/.well-known/openid-configuration}). The document is fetched on first
 * use, not at start-up, so a provider that is down keeps only its own button from
 * working; it is then reused for an hour, and a failed fetch is tried again by the next
 * sign-in.
 */
@Component
class OidcProviders {

    private static final Logger log = LoggerFactory.getLogger(OidcProviders.class);

    /** For each call to a provider: discovery, the token endpoint with the key set. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Duration METADATA_LIFETIME = Duration.ofHours(1);

    static final ParameterizedTypeReference<Map<String, Object>> DOCUMENT = new ParameterizedTypeReference<>() {
    };

    /** A provider as the sign-in page shows it. */
    record Listed(String id, String displayName) {
    }

    /**
     * What discovery says about a provider, with a decoder that accepts only ID tokens it
     * signed for this client: issuer, audience and expiry checked, signing keys from its
     * key set (fetched again when a token names a key not seen yet, so the provider can
     * rotate them).
     */
    record Metadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, ReactiveJwtDecoder idTokens) {
    }

    private final Map<String, PeopleProperties.Oidc.Provider> providers;

    private final Map<String, Mono<Metadata>> metadata = new LinkedHashMap<>();

    private final WebClient web;

    OidcProviders(PeopleProperties properties, ObjectProvider<WebClient.Builder> builder) {
        this.providers = properties.oidc().providers();
        this.web = builder.getIfAvailable(WebClient::builder).build();
        providers.forEach((id, provider) -> metadata.put(id, discover(id, provider)
            .cache(described -> METADATA_LIFETIME, failed -> Duration.ZERO, () -> Duration.ZERO)));
    }

    /**
     * By display name: settings from the environment or the command line come in no
     * particular order.
     */
    List<Listed> listed() {
        return providers.entrySet()
            .stream()
            .map(entry -> new Listed(entry.getKey(), entry.getValue().displayName()))
            .sorted(Comparator.comparing(Listed::displayName).thenComparing(Listed::id))
            .toList();
    }

    /** The provider's settings; fails with {@code provider-unknown}. */
    PeopleProperties.Oidc.Provider settings(String id) {
        PeopleProperties.Oidc.Provider provider = providers.get(id);
        if (provider == null) {
            throw new OidcFailure(OidcFailure.PROVIDER_UNKNOWN, "no provider is configured as " + id);
        }
        return provider;
    }

    /**
     * Fails with {@code provider-unknown}, or {@code provider-unavailable} when discovery
     * did not work out.
     */
    Mono<Metadata> metadata(String id) {
        return Mono.defer(() -> {
            settings(id);
            return metadata.get(id);
        });
    }

    WebClient web() {
        return web;
    }

    private Mono<Metadata> discover(String id, PeopleProperties.Oidc.Provider provider) {
        String issuer = provider.issuerUri().toString();
        String discovery = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration";
        return web.get()
            .uri(URI.create(discovery))
            .retrieve()
            .bodyToMono(DOCUMENT)
            .timeout(TIMEOUT)
            .map(document -> metadata(provider, document))
            .doOnError(error -> log.warn("Discovery of OpenID Connect provider {} at {} failed: {}", id, discovery,
                    error.toString()))
            .onErrorMap(error -> !(error instanceof OidcFailure),
                    error -> new OidcFailure(OidcFailure.PROVIDER_UNAVAILABLE, "discovery failed: " + error));
    }

    private Metadata metadata(PeopleProperties.Oidc.Provider provider, Map<String, Object> document) {
        String issuer = provider.issuerUri().toString();
        // OpenID Connect Discovery §4.3: a document for another issuer is how a mix-up
        // attack would begin
        if (!issuer.equals(document.get("issuer"))) {
            throw new OidcFailure(OidcFailure.PROVIDER_UNAVAILABLE,
                    "the discovery document names the issuer " + document.get("issuer") + ", not " + issuer);
        }
        NimbusReactiveJwtDecoder idTokens = NimbusReactiveJwtDecoder.withJwkSetUri(required(document, "jwks_uri"))
            .webClient(web)
            .jwsAlgorithms(algorithms -> algorithms.addAll(signingAlgorithms(document)))
            .build();
        String clientId = provider.clientId();
        idTokens.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtAudienceValidator(clientId),
                // OpenID Connect Core §3.1.3.7: a token issued to another party must not
                // sign anyone in here
                new JwtClaimValidator<Object>("azp", azp -> azp == null || clientId.equals(azp))));
        return new Metadata(issuer, URI.create(required(document, "authorization_endpoint")),
                URI.create(required(document, "token_endpoint")), idTokens);
    }

    /**
     * What the provider says it signs ID tokens with; RS256, which every provider must
     * support, when it is silent.
     */
    private static Set<SignatureAlgorithm> signingAlgorithms(Map<String, Object> document) {
        if (document.get("id_token_signing_alg_values_supported") instanceof List<?> names) {
            // MAC algorithms (keyed with the client secret) and "none" have no public key
            // and are never accepted
            Set<SignatureAlgorithm> algorithms = Set.copyOf(names.stream()
                .map(name -> SignatureAlgorithm.from(String.valueOf(name)))
                .filter(Objects::nonNull)
                .toList());
            if (!algorithms.isEmpty()) {
                return algorithms;
            }
        }
        return Set.of(SignatureAlgorithm.RS256);
    }

    private static String required(Map<String, Object> document, String name) {
        if (document.get(name) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new OidcFailure(OidcFailure.PROVIDER_UNAVAILABLE, "the discovery document lacks " + name);
    }

}
