package io.parley.people.oidc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.parley.people.PeopleProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Redeems an authorization code at the provider's token endpoint and verifies the ID
 * token that comes back. Only the ID token is used: it says who the person is at that
 * provider, signed by it, for this client and this flow.
 */
@Component
class ProviderTokens {

    /**
     * Who the provider says signed in: {@code (issuer, subject)} is the identity, the
     * rest only describes it.
     */
    record ProvenIdentity(String issuer, String subject, String email, boolean emailVerified, String name) {
    }

    private final OidcProviders providers;

    ProviderTokens(OidcProviders providers) {
        this.providers = providers;
    }

    Mono<ProvenIdentity> redeem(PeopleProperties.Oidc.Provider provider, OidcProviders.Metadata metadata,
            OidcFlows.Flow flow, String code) {
        return providers.web()
            .post()
            .uri(metadata.tokenEndpoint())
            .header(HttpHeaders.AUTHORIZATION, "Basic " + clientSecretBasic(provider))
            .accept(MediaType.APPLICATION_JSON)
            .body(BodyInserters.fromFormData("grant_type", "authorization_code")
                .with("code", code)
                .with("redirect_uri", flow.redirectUri())
                .with("code_verifier", flow.codeVerifier()))
            .retrieve()
            .bodyToMono(OidcProviders.DOCUMENT)
            .onErrorMap(WebClientResponseException.class,
                    refused -> new OidcFailure(
                            refused.getStatusCode().is4xxClientError() ? OidcFailure.PROVIDER_REFUSED
                                    : OidcFailure.PROVIDER_UNAVAILABLE,
                            "the token endpoint answered " + refused.getStatusCode().value() + ": "
                                    + OidcFailure.quote(refused.getResponseBodyAsString())))
            .flatMap(tokens -> tokens.get("id_token") instanceof String idToken ? verify(metadata, flow, idToken)
                    : Mono.error(new OidcFailure(OidcFailure.PROVIDER_REFUSED, "the token endpoint sent no ID token")))
            .timeout(OidcProviders.TIMEOUT)
            .onErrorMap(error -> !(error instanceof OidcFailure),
                    error -> new OidcFailure(OidcFailure.PROVIDER_UNAVAILABLE, "redeeming the code failed: " + error));
    }

    private static Mono<ProvenIdentity> verify(OidcProviders.Metadata metadata, OidcFlows.Flow flow, String idToken) {
        return metadata.idTokens()
            .decode(idToken)
            // a key set that cannot be fetched is not the token's fault
            .onErrorMap(JwtException.class,
                    error -> new OidcFailure(
                            error instanceof BadJwtException ? OidcFailure.ID_TOKEN_INVALID
                                    : OidcFailure.PROVIDER_UNAVAILABLE,
                            "the ID token was refused: " + error.getMessage()))
            .map(jwt -> identity(metadata, flow, jwt));
    }

    private static ProvenIdentity identity(OidcProviders.Metadata metadata, OidcFlows.Flow flow, Jwt jwt) {
        // the nonce ties the token to this flow: a token taken from another sign-in is
        // refused
        if (!flow.nonce().equals(jwt.getClaimAsString("nonce"))) {
            throw new OidcFailure(OidcFailure.ID_TOKEN_INVALID, "the ID token does not carry this flow's nonce");
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > 255) {
            throw new OidcFailure(OidcFailure.ID_TOKEN_INVALID, "the ID token has no usable sub");
        }
        return new ProvenIdentity(metadata.issuer(), subject, jwt.getClaimAsString("email"),
                Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified")), jwt.getClaimAsString("name"));
    }

    /**
     * RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and
     * base64-encoded.
     */
    private static String clientSecretBasic(PeopleProperties.Oidc.Provider provider) {
        return HttpHeaders.encodeBasicAuth(URLEncoder.encode(provider.clientId(), StandardCharsets.UTF_8),
                URLEncoder.encode(provider.clientSecret(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

}
