package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.parley.meeting.token.TestProperties;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

class MeetingPropertiesTests {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theDocumentedDefaultsAreValid() {
        assertThat(VALIDATOR.validate(TestProperties.withRecordingMaxLength(Duration.ofHours(4)))).isEmpty();
    }

    /** A recording outliving its meeting's expiry would never be stopped. */
    @Test
    void aRecordingMustEndBeforeAnUnchangedMeetingExpires() {
        assertThat(VALIDATOR.validate(TestProperties.withRecordingMaxLength(Duration.ofHours(24))))
            .extracting(ConstraintViolation::getMessage)
            .containsExactly("recording.max-length must be shorter than idle-ttl");
    }

    @Test
    void aRecordingLastsAtLeastASecond() {
        assertThat(VALIDATOR.validate(TestProperties.withRecordingMaxLength(Duration.ofMillis(500))))
            .extracting(ConstraintViolation::getMessage)
            .containsExactly("max-length must be at least one second");
    }

}
