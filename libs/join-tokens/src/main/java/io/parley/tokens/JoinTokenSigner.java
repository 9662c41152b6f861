package io.parley.tokens;

import java.util.Date;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Signs join tokens (RS256, under the key's {@code kid}) with the claims of PLATFORM.md
 * §4.1.
 */
public final class JoinTokenSigner {

    private final RsaJwtSigner signer;

    private final String issuer;

    public JoinTokenSigner(RSAKey key, String issuer) {
        this.signer = new RsaJwtSigner(key);
        this.issuer = issuer;
    }

    public String sign(JoinToken token) {
        return signer.sign(new JWTClaimsSet.Builder().issuer(issuer)
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
            .build());
    }

    public String keyId() {
        return signer.keyId();
    }

}
