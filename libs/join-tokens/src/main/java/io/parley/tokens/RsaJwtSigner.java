package io.parley.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs claims as an RS256 JWT under the key's {@code kid}, so verifiers pick the right
 * key during a rotation. What the claims say is the business of {@link JoinTokenSigner}
 * and the access-token signer.
 */
public final class RsaJwtSigner {

    private final RSAKey key;

    private final RSASSASigner signer;

    public RsaJwtSigner(RSAKey key) {
        this.key = key;
        try {
            this.signer = new RSASSASigner(key);
        }
        catch (JOSEException ex) {
            throw new IllegalArgumentException("Not an RSA private key: " + key.getKeyID(), ex);
        }
    }

    public String sign(JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Signing a token failed", ex);
        }
        return jwt.serialize();
    }

    public String keyId() {
        return key.getKeyID();
    }

}
