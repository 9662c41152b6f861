package io.parley.quality.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class SfuEventsPropertiesTests {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void withoutAPasswordTheEndpointIsOff() {
        SfuEventsProperties properties = properties("", DataSize.ofMegabytes(1), Duration.ofMinutes(2));

        assertThat(properties.enabled()).isFalse();
        assertThat(validator.validate(properties)).isEmpty();
    }

    @Test
    void aPasswordSwitchesItOnAndMustBeLongEnough() {
        assertThat(properties("0123456789abcdef", DataSize.ofMegabytes(1), Duration.ofMinutes(2)).enabled()).isTrue();
        assertThat(validator.validate(properties("0123456789abcdef", DataSize.ofMegabytes(1), Duration.ofMinutes(2))))
            .isEmpty();
        assertThat(validator.validate(properties("short", DataSize.ofMegabytes(1), Duration.ofMinutes(2))))
            .extracting(violation -> violation.getMessage())
            .containsExactly("password must be empty (endpoint off) or at least 16 characters");
    }

    @Test
    void bodySizeAndIdleTimeoutStayWithinSensibleBounds() {
        assertThat(validator.validate(properties("", DataSize.ofBytes(100), Duration.ofMinutes(2))))
            .extracting(violation -> violation.getMessage())
            .containsExactly("max-body-size must be between 1KB and 16MB");
        assertThat(validator.validate(properties("", DataSize.ofMegabytes(1), Duration.ofSeconds(1))))
            .extracting(violation -> violation.getMessage())
            .containsExactly("stream-idle-timeout must be between 10s and 1h");
    }

    private static SfuEventsProperties properties(String password, DataSize maxBodySize, Duration idle) {
        return new SfuEventsProperties("janus", password, maxBodySize, 20_000, idle);
    }

}
