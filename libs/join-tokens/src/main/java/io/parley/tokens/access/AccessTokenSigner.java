package io.parley.tokens.access;

import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.parley.tokens.JoinTokenVerifier;
import io.parley.tokens.TokenType;

/** Signs access tokens with RS256 under the key's {@code kid}; only people-service holds such a key. */
public final class AccessTokenSigner {

    private final RSAKey key;
    private final RSASSASigner signer;
    private final String issuer;

    public AccessTokenSigner(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
        try {
            this.signer = new RSASSASigner(key);
        }
        catch (JOSEException ex) {
            throw new IllegalArgumentException("Not an RSA private key: " + key.getKeyID(), ex);
        }
    }

    public String sign(AccessToken token) {
        List<Map<String, String>> orgs = token.orgs()
            .stream()
            .map(org -> Map.of("id", org.orgId(), "role", org.role()))
            .toList();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
            .audience(JoinTokenVerifier.AUDIENCE)
            .subject(token.accountId())
            .jwtID(token.id())
            .issueTime(Date.from(token.issuedAt()))
            .expirationTime(Date.from(token.expiresAt()))
            .claim(TokenType.CLAIM, TokenType.ACCESS.claim())
            .claim(AccessToken.NAME, token.name())
            .claim(AccessToken.SESSION, token.sessionId())
            .claim(AccessToken.ORGS, orgs)
            .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Signing an access token failed", ex);
        }
        return jwt.serialize();
    }
}
