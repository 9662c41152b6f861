package io.parley.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RecordingPropertiesTests {

    private static ValidatorFactory factory;

    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void storageIsLocalByDefault() {
        RecordingProperties properties = bind(Map.of());

        assertThat(properties.storage().type()).isEqualTo(RecordingProperties.StorageType.LOCAL);
        assertThat(properties.s3().region()).isEqualTo("us-east-1");
        assertThat(properties.s3().prefix()).isEmpty();
        assertThat(properties.s3().pathStyleAccess()).isFalse();
        assertThat(properties.s3().hasKeys()).isFalse();
        assertThat(validator.validate(properties)).isEmpty();
    }

    @Test
    void s3WithABucketIsValid() {
        RecordingProperties properties = bind(Map.of("storage.type", "s3", "s3.bucket", "recordings", "s3.endpoint",
                "http://minio:9000", "s3.path-style-access", "true", "s3.access-key", "id", "s3.secret-key", "key"));

        assertThat(properties.storage().type()).isEqualTo(RecordingProperties.StorageType.S3);
        assertThat(properties.s3().hasKeys()).isTrue();
        assertThat(validator.validate(properties)).isEmpty();
    }

    @Test
    void s3WithoutABucketIsRefusedSayingWhichSettingIsMissing() {
        assertThat(messages(bind(Map.of("storage.type", "s3"))))
            .containsExactly("parley.recordings.s3.bucket must be set when parley.recordings.storage.type is s3");
    }

    @Test
    void anAccessKeyWithoutItsSecretIsRefused() {
        assertThat(messages(bind(Map.of("storage.type", "s3", "s3.bucket", "b", "s3.access-key", "id"))))
            .containsExactly("parley.recordings.s3.access-key and secret-key are set together, or neither");
    }

    @Test
    void anEndpointMustBeAnHttpUrlAndThePrefixRelative() {
        assertThat(messages(bind(Map.of("storage.type", "s3", "s3.bucket", "b", "s3.endpoint", "ftp://host",
                "s3.prefix", "/recordings/"))))
            .containsExactlyInAnyOrder("parley.recordings.s3.endpoint must be an http or https URL",
                    "parley.recordings.s3.prefix must not start with '/'");
    }

    @Test
    void theSecretKeyIsNotInTheSettingsText() {
        RecordingProperties properties = bind(
                Map.of("storage.type", "s3", "s3.bucket", "b", "s3.access-key", "id", "s3.secret-key", "hush"));

        assertThat(properties.s3().toString()).doesNotContain("hush").contains("bucket=b");
    }

    private static RecordingProperties bind(Map<String, String> settings) {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        settings.forEach((key, value) -> source.put("parley.recordings." + key, value));
        return new Binder(source).bindOrCreate("parley.recordings", RecordingProperties.class);
    }

    private static Set<String> messages(RecordingProperties properties) {
        Set<ConstraintViolation<RecordingProperties>> violations = validator.validate(properties);
        return violations.stream().map(ConstraintViolation::getMessage).collect(Collectors.toSet());
    }

}
