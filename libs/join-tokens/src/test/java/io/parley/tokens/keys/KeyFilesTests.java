package io.parley.tokens.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.parley.tokens.RsaKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTests {

    @TempDir
    Path dir;

    private static final RSAKey OLD = RsaKeys.generate();

    private static final RSAKey NEW = RsaKeys.generate();

    @Test
    void readsPkcs8AndPkcs1PemAsTheSameKeyWithAThumbprintKid() throws Exception {
        Files.writeString(dir.resolve("a.pem"), Pem.pkcs8(OLD));
        Path other = Files.createDirectory(dir.resolve("other"));
        Files.writeString(other.resolve("b.pem"), Pem.pkcs1(OLD));

        RSAKey fromPkcs8 = KeyFiles.load(dir).current();
        RSAKey fromPkcs1 = KeyFiles.load(other).current();

        assertThat(fromPkcs8.getKeyID()).isEqualTo(OLD.computeThumbprint().toString());
        assertThat(fromPkcs1.getKeyID()).isEqualTo(fromPkcs8.getKeyID());
        assertThat(fromPkcs1.toRSAPrivateKey()).isEqualTo(OLD.toRSAPrivateKey());
        assertThat(fromPkcs1.toRSAPublicKey()).isEqualTo(OLD.toRSAPublicKey());
    }

    @Test
    void theFileWhoseNameSortsLastSignsAndEveryKeyIsPublished() throws Exception {
        // the Helm chart's first key is signing-key.pem; a rotation adds
        // signing-key-<date>.pem
        Files.writeString(dir.resolve("signing-key.pem"), Pem.pkcs8(OLD));
        Files.writeString(dir.resolve("signing-key-20260301.json"), new JWKSet(NEW).toString(false));

        SigningKeys keys = KeyFiles.load(dir);

        assertThat(keys.current().getKeyID()).isEqualTo(NEW.getKeyID());
        assertThat(keys.publicKeys().getKeys()).extracting(k -> k.getKeyID())
            .containsExactly(OLD.computeThumbprint().toString(), NEW.getKeyID());
        assertThat(keys.publicKeys().getKeys()).noneMatch(k -> k.isPrivate());
    }

    @Test
    void keepsPublishingARetiredKeyGivenAsPublicKeyOnly() throws Exception {
        Files.writeString(dir.resolve("1-retired.pem"), Pem.publicKey(OLD));
        Files.writeString(dir.resolve("2-current.jwk"), NEW.toJSONString());

        SigningKeys keys = KeyFiles.load(dir);

        assertThat(keys.keys()).hasSize(2);
        assertThat(keys.current().getKeyID()).isEqualTo(NEW.getKeyID());
    }

    @Test
    void refusesANewestKeyThatCannotSign() throws Exception {
        Files.writeString(dir.resolve("2-newest.pem"), Pem.publicKey(NEW));
        Files.writeString(dir.resolve("1-older.pem"), Pem.pkcs8(OLD));

        assertThatThrownBy(() -> KeyFiles.load(dir)).hasMessageContaining("cannot sign");
    }

    @Test
    void skipsHiddenEntriesAsAKubernetesSecretVolumeHasThem() throws Exception {
        Files.writeString(dir.resolve("signing-key.pem"), Pem.pkcs8(OLD));
        Files.createDirectory(dir.resolve("..2026_01_01_00_00_00.123"));
        Files.writeString(dir.resolve(".hidden.pem"), "not a key");

        assertThat(KeyFiles.load(dir).keys()).hasSize(1);
    }

    @Test
    void failsClearlyOnAnEmptyDirectoryOrAnUnreadableKey() throws Exception {
        assertThatThrownBy(() -> KeyFiles.load(dir)).hasMessageContaining("No token keys");
        assertThatThrownBy(() -> KeyFiles.load(dir.resolve("missing"))).hasMessageContaining("does not exist");

        Files.writeString(dir.resolve("broken.json"), "{\"kty\":\"RSA\"}");
        assertThatThrownBy(() -> KeyFiles.load(dir)).hasMessageContaining("broken.json");
    }

    @Test
    void generatesADevelopmentKeyOnceAndReusesItAfterARestart() throws Exception {
        SigningKeys first = KeyFiles.loadOrGenerate(dir, Clock.systemUTC());
        SigningKeys second = KeyFiles.loadOrGenerate(dir, Clock.systemUTC());

        assertThat(second.current().getKeyID()).isEqualTo(first.current().getKeyID());
        assertThat(second.current().isPrivate()).isTrue();
        try (var files = Files.list(dir.resolve("keys"))) {
            Path file = files.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

}
