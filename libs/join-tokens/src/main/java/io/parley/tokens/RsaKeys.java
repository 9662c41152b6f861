package io.parley.tokens;

import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Signing keys: generating one, and a decoder that trusts exactly that key (for the key
 * holder and for tests).
 */
public final class RsaKeys {

    private RsaKeys() {
    }

    public static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot generate an RSA key", ex);
        }
    }

    public static ReactiveJwtDecoder decoderFor(RSAKey key, String issuer) {
        try {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            decoder.setJwtValidator(JoinTokenVerifier.validator(issuer));
            return decoder;
        }
        catch (JOSEException ex) {
            throw new IllegalArgumentException("Not an RSA key: " + key.getKeyID(), ex);
        }
    }

}
