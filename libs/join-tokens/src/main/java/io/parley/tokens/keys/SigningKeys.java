package io.parley.tokens.keys;

import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The token keys, oldest first: the last one signs, all of them verify and are published, so tokens signed before a
 * rotation keep working until they expire (the operator removes a retired key once its tokens are gone).
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
}
