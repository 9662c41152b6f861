package io.parley.signaling.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaModeRuleTests {

    private final MediaModeRule auto = new MediaModeRule(true, MediaMode.AUTO, 5);

    @Test
    void aMeetingStaysAMeshBelowTheSwitchAndMovesWhenItReachesIt() {
        assertThat(auto.useSfu(MediaMode.AUTO, 4, false)).isFalse();
        assertThat(auto.useSfu(MediaMode.AUTO, 5, false)).isTrue();
    }

    @Test
    void aMeetingOnTheSfuStaysThereWhenPeopleLeave() {
        assertThat(auto.useSfu(MediaMode.AUTO, 2, true)).isTrue();
    }

    @Test
    void aHostsChoiceForTheMeetingWinsOverAuto() {
        assertThat(auto.useSfu(MediaMode.SFU, 1, false)).isTrue();
        assertThat(auto.useSfu(MediaMode.MESH, 40, false)).isFalse();
    }

    @Test
    void anOperatorsChoiceWinsOverTheHosts() {
        assertThat(new MediaModeRule(true, MediaMode.MESH, 5).useSfu(MediaMode.SFU, 40, false)).isFalse();
        assertThat(new MediaModeRule(true, MediaMode.SFU, 5).useSfu(MediaMode.MESH, 1, false)).isTrue();
    }

    @Test
    void withoutAJanusInstanceEveryMeetingIsAMesh() {
        assertThat(new MediaModeRule(false, MediaMode.SFU, 5).useSfu(MediaMode.SFU, 40, true)).isFalse();
    }

    @Test
    void readsTheMeetingsChoiceAsMeetingServiceWritesIt() {
        assertThat(MediaMode.ofMeeting("sfu")).isEqualTo(MediaMode.SFU);
        assertThat(MediaMode.ofMeeting("mesh")).isEqualTo(MediaMode.MESH);
        assertThat(MediaMode.ofMeeting(null)).isEqualTo(MediaMode.AUTO);
        assertThat(MediaMode.ofMeeting("SFU")).isEqualTo(MediaMode.AUTO);
        assertThat(MediaMode.ofMeeting(3)).isEqualTo(MediaMode.AUTO);
    }

}
