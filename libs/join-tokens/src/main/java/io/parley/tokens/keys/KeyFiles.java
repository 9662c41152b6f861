package io.parley.tokens.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.parley.tokens.RsaKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads token keys from a directory and, for development, creates one. A file holds a PEM
 * key (PKCS#8 {@code PRIVATE KEY}, PKCS#1 {@code RSA PRIVATE KEY} as Helm's
 * {@code genPrivateKey} and older OpenSSL write it, or a {@code PUBLIC KEY} to keep
 * publishing a retired key) or a JWK / JWK set as JSON. Files are ordered by name without
 * extension, so {@code signing-key-20260301.pem} comes after {@code signing-key.pem}: the
 * last one signs. A PEM key's {@code kid} is its RFC 7638 thumbprint, the same on every
 * replica that mounts the same file. Hidden entries (a Kubernetes Secret volume's
 * {@code ..data} links) and sub-directories are skipped.
 */
public final class KeyFiles {

    private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);

    private static final Pattern PEM = Pattern
        .compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
        .withZone(ZoneOffset.UTC);

    /**
     * AlgorithmIdentifier of rsaEncryption with NULL parameters, as PKCS#8 wraps a PKCS#1
     * key in.
     */
    private static final byte[] RSA_ALGORITHM = { 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };

    private KeyFiles() {
    }

    /** Every key in the directory, in signing order; fails when there is none. */
    public static SigningKeys load(Path directory) {
        List<RSAKey> keys = new ArrayList<>();
        for (Path file : files(directory)) {
            List<RSAKey> read = read(file);
            if (read.isEmpty()) {
                log.warn("No RSA key in {}; ignored", file);
            }
            keys.addAll(read);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("No token keys (PEM or JWK files) in " + directory.toAbsolutePath());
        }
        return new SigningKeys(keys);
    }

    /**
     * The keys under {@code <dataDir>/keys}; on the very first start there are none, so
     * one is generated and kept there (readable by the owner only) for every later start.
     */
    public static SigningKeys loadOrGenerate(Path dataDir, Clock clock) {
        Path directory = dataDir.resolve("keys");
        try {
            Files.createDirectories(directory);
            if (files(directory).isEmpty()) {
                RSAKey key = RsaKeys.generate();
                Path file = directory.resolve("signing-key-" + STAMP.format(clock.instant()) + ".json");
                Path temp = Files.createTempFile(directory, ".new-key-", ".tmp");
                restrict(temp);
                Files.writeString(temp, new JWKSet(key).toString(false), StandardCharsets.UTF_8);
                move(temp, file);
                log.info("Generated a development token key {} in {}", key.getKeyID(), file.toAbsolutePath());
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot keep token keys in " + directory.toAbsolutePath(), ex);
        }
        return load(directory);
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("Token key directory " + directory.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> !path.getFileName().toString().startsWith("."))
                .filter(Files::isRegularFile)
                .sorted(Comparator.comparing(KeyFiles::baseName).thenComparing(path -> path.getFileName().toString()))
                .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot list " + directory.toAbsolutePath(), ex);
        }
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static List<RSAKey> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read token key " + file.toAbsolutePath(), ex);
        }
        try {
            return text.strip().startsWith("{") ? fromJson(text) : fromPem(text);
        }
        catch (ParseException | GeneralSecurityException | JOSEException | IllegalArgumentException ex) {
            throw new IllegalStateException(
                    "Cannot read the token key in " + file.toAbsolutePath() + ": " + ex.getMessage(), ex);
        }
    }

    private static List<RSAKey> fromJson(String text) throws ParseException, JOSEException {
        List<JWK> jwks = JSONObjectUtils.parse(text).containsKey("keys") ? JWKSet.parse(text).getKeys()
                : List.of(JWK.parse(text));
        List<RSAKey> keys = new ArrayList<>();
        for (JWK jwk : jwks) {
            if (jwk instanceof RSAKey rsa) {
                keys.add(rsa.getKeyID() != null ? rsa : withThumbprint(new RSAKey.Builder(rsa)));
            }
        }
        return keys;
    }

    private static List<RSAKey> fromPem(String text) throws GeneralSecurityException, JOSEException {
        List<RSAKey> keys = new ArrayList<>();
        Matcher block = PEM.matcher(text);
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            switch (block.group(1)) {
                case "PRIVATE KEY", "RSA PRIVATE KEY" -> {
                    byte[] pkcs8 = block.group(1).equals("PRIVATE KEY") ? der : pkcs1ToPkcs8(der);
                    RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                    RSAPublicKey publicKey = (RSAPublicKey) rsa
                        .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
                    keys.add(withThumbprint(new RSAKey.Builder(publicKey).privateKey(key)));
                }
                case "PUBLIC KEY" -> keys.add(withThumbprint(
                        new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der)))));
                default -> log.warn("Skipping a PEM block of type {} (not an RSA key)", block.group(1));
            }
        }
        return keys;
    }

    private static RSAKey withThumbprint(RSAKey.Builder builder) throws JOSEException {
        return builder.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint().build();
    }

    /**
     * PrivateKeyInfo ::= SEQUENCE { version 0, rsaEncryption, OCTET STRING pkcs1 } (RFC
     * 5208).
     */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] version = { 0x02, 0x01, 0x00 };
        byte[] octets = der(0x04, pkcs1);
        byte[] body = new byte[version.length + RSA_ALGORITHM.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(RSA_ALGORITHM, 0, body, version.length, RSA_ALGORITHM.length);
        System.arraycopy(octets, 0, body, version.length + RSA_ALGORITHM.length, octets.length);
        return der(0x30, body);
    }

    private static byte[] der(int tag, byte[] content) {
        byte[] length;
        if (content.length < 128) {
            length = new byte[] { (byte) content.length };
        }
        else {
            byte[] digits = BigInteger.valueOf(content.length).toByteArray();
            int skip = digits[0] == 0 ? 1 : 0;
            length = new byte[digits.length - skip + 1];
            length[0] = (byte) (0x80 | (digits.length - skip));
            System.arraycopy(digits, skip, length, 1, digits.length - skip);
        }
        byte[] out = new byte[1 + length.length + content.length];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, content.length);
        return out;
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException ex) {
            log.debug("No POSIX permissions on this file system; {} keeps its defaults", file);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException ex) {
            Files.move(from, to);
        }
    }

}
