package io.parley.tokens.access;

import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.parley.tokens.JoinTokenVerifier;
import io.parley.tokens.RsaJwtSigner;
import io.parley.tokens.TokenType;

/**
 * Signs access tokens with RS256 under the key's {@code kid}; only people-service holds
 * such a key.
 */
public final class AccessTokenSigner {

    private final RsaJwtSigner signer;

    private final String issuer;

    public AccessTokenSigner(RSAKey key, String issuer) {
        this.signer = new RsaJwtSigner(key);
        this.issuer = issuer;
    }

    public String sign(AccessToken token) {
        List<Map<String, String>> orgs = token.orgs()
            .stream()
            .map(org -> Map.of("id", org.orgId(), "role", org.role()))
            .toList();
        return signer.sign(new JWTClaimsSet.Builder().issuer(issuer)
            .audience(JoinTokenVerifier.AUDIENCE)
            .subject(token.accountId())
            .jwtID(token.id())
            .issueTime(Date.from(token.issuedAt()))
            .expirationTime(Date.from(token.expiresAt()))
            .claim(TokenType.CLAIM, TokenType.ACCESS.claim())
            .claim(AccessToken.NAME, token.name())
            .claim(AccessToken.SESSION, token.sessionId())
            .claim(AccessToken.ORGS, orgs)
            .build());
    }

}
