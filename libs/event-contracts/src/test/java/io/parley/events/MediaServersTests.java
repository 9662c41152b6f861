package io.parley.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaServersTests {

    @Test
    void readsBackTheMeetingAndParticipantOfAnOpaqueIdItGave() {
        assertThat(MediaServers.ownerOf(MediaServers.opaqueId("m-1", "p-2")))
            .isEqualTo(new MediaServers.HandleOwner("m-1", "p-2"));
    }

    @Test
    void namesNoOwnerForOpaqueIdsSignalingDidNotGive() {
        assertThat(MediaServers.ownerOf(null)).isNull();
        assertThat(MediaServers.ownerOf("janus-demo-123")).isNull();
        assertThat(MediaServers.ownerOf("parley:")).isNull();
        assertThat(MediaServers.ownerOf("parley::p")).isNull();
        assertThat(MediaServers.ownerOf("parley:m:")).isNull();
        assertThat(MediaServers.ownerOf("parley:m:p:extra")).isNull();
    }

}
