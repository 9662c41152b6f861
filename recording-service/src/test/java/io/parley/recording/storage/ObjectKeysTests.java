package io.parley.recording.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectKeysTests {

    @Test
    void aRecordingsFilesAreUnderItsIdAfterThePrefix() {
        ObjectKeys keys = new ObjectKeys("recordings/");

        assertThat(keys.composed("abc")).isEqualTo("recordings/abc/abc.webm");
        assertThat(keys.of("abc", "phost-1-video-1.webm")).isEqualTo("recordings/abc/phost-1-video-1.webm");
        assertThat(keys.folder("abc")).isEqualTo("recordings/abc/");
    }

    @Test
    void withoutAPrefixTheKeysStartWithTheRecordingId() {
        assertThat(new ObjectKeys("").composed("abc")).isEqualTo("abc/abc.webm");
    }

    @Test
    void filesAreTypedForWhoeverDownloadsThemFromTheBucket() {
        assertThat(ObjectKeys.contentType("abc.webm")).isEqualTo("video/webm");
        assertThat(ObjectKeys.contentType("phost-1-audio-0.opus")).isEqualTo("audio/ogg");
        assertThat(ObjectKeys.contentType("notes.txt")).isEqualTo("application/octet-stream");
    }

}
