package io.parley.meeting.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlineEntryTests {

    @Test
    void readsBackWhatItStores() {
        DeadlineEntry entry = new DeadlineEntry("abcd-efgh-ijkl", "Ab3dEf6hIj9lMn2pQr5t");

        assertThat(entry.member()).isEqualTo("abcd-efgh-ijkl Ab3dEf6hIj9lMn2pQr5t");
        assertThat(DeadlineEntry.parse(entry.member())).contains(entry);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "abcd-efgh-ijkl", "abcd-efgh-ijkl ", "abcd-efgh-ijkl short",
            "team-room Ab3dEf6hIj9lMn2pQr5t", "abcd-efgh-ijkl Ab3dEf6hIj9lMn2pQr5t extra" })
    void anythingElseIsNoEntry(String member) {
        assertThat(DeadlineEntry.parse(member)).isEmpty();
    }

    @Test
    void nothingIsNoEntry() {
        assertThat(DeadlineEntry.parse(null)).isEmpty();
    }

}
