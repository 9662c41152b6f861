package io.parley.tokens;

import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signs join tokens with RS256 under the key's {@code kid}, so verifiers pick the right key during rotation. */
public final class JoinTokenSigner {

    private final RSAKey key;
    private final RSASSASigner signer;
    private final String issuer;

    public JoinTokenSigner(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
        try {
            this.signer = new RSASSASigner(key);
        }
        catch (JOSEException ex) {
            throw new IllegalArgumentException("Not an RSA private key: " + key.getKeyID(), ex);
        }
    }

    public String sign(JoinToken token) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(JoinTokenVerifier.AUDIENCE)
            .subject(token.subject())
            .jwtID(token.id())
            .issueTime(Date.from(token.issuedAt()))
            .expirationTime(Date.from(token.expiresAt()))
            .claim(TokenType.CLAIM, TokenType.JOIN.claim())
            .claim(JoinToken.MEETING, token.meetingId())
            .claim(JoinToken.PARTICIPANT, token.participantId())
            .claim(JoinToken.NAME, token.name())
            .claim(JoinToken.ROLE, token.role().claim())
            .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Signing a join token failed", ex);
        }
        return jwt.serialize();
    }

    public String keyId() {
        return key.getKeyID();
    }
}
