package io.parley.tokens.keys;

import java.util.Arrays;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * An RSA key as PEM text, the way OpenSSL and Helm write it: what an operator puts into a
 * keys Secret, and what tests write to check that {@link KeyFiles} reads it.
 */
public final class Pem {

    private Pem() {
    }

    /** {@code BEGIN PRIVATE KEY}: PKCS#8, what {@code openssl genpkey} writes. */
    public static String pkcs8(RSAKey key) {
        return pem("PRIVATE KEY", pkcs8Der(key));
    }

    /**
     * {@code BEGIN RSA PRIVATE KEY}: PKCS#1, what Helm's {@code genPrivateKey "rsa"}
     * writes.
     */
    public static String pkcs1(RSAKey key) {
        return pem("RSA PRIVATE KEY", pkcs1Of(pkcs8Der(key)));
    }

    public static String publicKey(RSAKey key) {
        try {
            return pem("PUBLIC KEY", key.toRSAPublicKey().getEncoded());
        }
        catch (JOSEException ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    private static byte[] pkcs8Der(RSAKey key) {
        try {
            return key.toRSAPrivateKey().getEncoded();
        }
        catch (JOSEException ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /**
     * The PKCS#1 key inside a PKCS#8 PrivateKeyInfo: the content of its third element, an
     * OCTET STRING.
     */
    private static byte[] pkcs1Of(byte[] pkcs8) {
        int[] at = { 0 };
        header(pkcs8, at);
        for (int skip = 0; skip < 2; skip++) {
            int length = header(pkcs8, at);
            at[0] += length;
        }
        int length = header(pkcs8, at);
        return Arrays.copyOfRange(pkcs8, at[0], at[0] + length);
    }

    /**
     * Reads a DER tag and length, leaving {@code at} on the content; answers the content
     * length.
     */
    private static int header(byte[] der, int[] at) {
        at[0]++;
        int length = der[at[0]++] & 0xff;
        if ((length & 0x80) != 0) {
            int bytes = length & 0x7f;
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (der[at[0]++] & 0xff);
            }
        }
        return length;
    }

}
