package io.parley.people.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The opaque tokens people-service hands out (refresh tokens, invitation links): 256
 * random bits, base64url. Only their SHA-256 is stored: with full entropy a plain hash
 * cannot be reversed, so a database dump alone lets nobody resume a session or join an
 * organization.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int LENGTH = 43;

    private SecretTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    /** Only what {@link #generate()} could have produced is worth a database lookup. */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == LENGTH
                && token.chars()
                    .allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                            || c == '-' || c == '_');
    }

}
