package io.parley.meeting.creation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.parley.meeting.MeetingProperties;
import io.parley.meeting.meeting.MediaMode;
import io.parley.meeting.meeting.MeetingApi.CreateMeetingRequest;
import io.parley.meeting.token.TestProperties;
import io.parley.meeting.web.ApiProblem;
import io.parley.tokens.access.AccessToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MeetingSpecTests {

    private static final MeetingProperties PROPERTIES = TestProperties.with(List.of());

    private static final CreateMeetingRequest REQUEST = new CreateMeetingRequest("Ada", null, null, null, null, null,
            null, null, null);

    @Test
    void aGuestsMeetingCountsAgainstTheirAddress() {
        MeetingSpec spec = MeetingSpec.of(REQUEST, PROPERTIES, Optional.empty(), Optional.empty(), "203.0.113.5");

        assertThat(spec.creator()).isEqualTo(Creator.address("203.0.113.5"));
        assertThat(spec.kind()).isEqualTo("guest");
        assertThat(spec.subject()).startsWith("guest:");
    }

    @Test
    void aSignedInPersonsMeetingCountsAgainstTheirAccountWhateverTheAddress() {
        AccessToken person = new AccessToken("acc-1", "Ada Lovelace", List.of(), "session", "jti", Instant.EPOCH,
                Instant.EPOCH.plusSeconds(900));

        MeetingSpec spec = MeetingSpec.of(REQUEST, PROPERTIES, Optional.empty(), Optional.of(person), "203.0.113.5");

        assertThat(spec.creator()).isEqualTo(Creator.account("acc-1"));
        assertThat(spec.hostName()).isEqualTo("Ada Lovelace");
    }

    @Test
    void anIntegrationsMeetingIsNotCapped() {
        MeetingSpec spec = MeetingSpec.of(REQUEST, PROPERTIES, Optional.of("acme"), Optional.empty(), "203.0.113.5");

        assertThat(spec.creator().scope()).isEqualTo(Creator.Scope.UNCAPPED);
        assertThat(spec.kind()).isEqualTo("api-key");
    }

    @Test
    void withoutAMediaChoiceAMeetingIsAuto() {
        MeetingSpec spec = MeetingSpec.of(REQUEST, PROPERTIES, Optional.empty(), Optional.empty(), "203.0.113.5");

        assertThat(spec.media()).isEqualTo(MediaMode.AUTO);
    }

    @ParameterizedTest
    @EnumSource(MediaMode.class)
    void theHostChoosesTheMediaMode(MediaMode mode) {
        MeetingSpec spec = MeetingSpec.of(withMedia(mode.value()), PROPERTIES, Optional.empty(), Optional.empty(),
                "203.0.113.5");

        assertThat(spec.media()).isEqualTo(mode);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "p2p", "SFU", " mesh", "mesh\n", "sfu-please" })
    void anUnknownMediaModeIsRefusedNamingTheField(String media) {
        assertRefusedMedia(media);
    }

    @Test
    void anOversizedMediaModeIsRefusedWithoutEchoingIt() {
        String media = "sfu".repeat(10_000);

        assertRefusedMedia(media);
    }

    private static void assertRefusedMedia(String media) {
        assertThatThrownBy(
                () -> MeetingSpec.of(withMedia(media), PROPERTIES, Optional.empty(), Optional.empty(), "203.0.113.5"))
            .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                assertThat(problem.getStatusCode().value()).isEqualTo(400);
                assertThat(problem.getBody().getProperties()).containsEntry("errors",
                        List.of(new ApiProblem.FieldError("media", "media must be one of auto, mesh, sfu.")));
            });
    }

    private static CreateMeetingRequest withMedia(String media) {
        return new CreateMeetingRequest("Ada", null, null, null, null, null, null, null, media);
    }

}
