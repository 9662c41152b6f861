package io.parley.tokens.keys;

import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.parley.tokens.JoinTokenVerifier;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/**
 * The token keys, oldest first: the last one signs, all of them verify and are published,
 * so tokens signed before a rotation keep working until they expire (the operator removes
 * a retired key once its tokens are gone).
 */
public record SigningKeys(List<RSAKey> keys) {

    public SigningKeys {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("No token keys");
        }
        if (!keys.get(keys.size() - 1).isPrivate()) {
            throw new IllegalArgumentException("The newest token key (" + keys.get(keys.size() - 1).getKeyID()
                    + ") has no private part, so it cannot sign");
        }
    }

    /** The key new tokens are signed with. */
    public RSAKey current() {
        return keys.get(keys.size() - 1);
    }

    /** Every key's public part, as served at {@code /.well-known/jwks.json}. */
    public JWKSet publicKeys() {
        return new JWKSet(keys.stream().map(key -> (JWK) key.toPublicJWK()).toList());
    }

    /**
     * A decoder that trusts exactly these keys, for the service that holds them: it
     * verifies its own tokens without fetching its own JWKS over HTTP.
     */
    public ReactiveJwtDecoder decoder(String issuer) {
        JWKSet published = publicKeys();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(
                jwt -> Flux.fromIterable(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())).select(published)))
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
        decoder.setJwtValidator(JoinTokenVerifier.validator(issuer));
        return decoder;
    }
}
