package io.parley.recording.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ByteRangeTests {

    @Test
    void withoutARangeTheWholeObjectIsSent() {
        ByteRange range = ByteRange.of(null, 1000);

        assertThat(range).isEqualTo(new ByteRange(HttpStatus.OK, 0, 999, 1000));
        assertThat(range.size()).isEqualTo(1000);
        assertThat(range.contentRange()).isNull();
    }

    @Test
    void oneRangeIsSentAsPartialContent() {
        ByteRange range = ByteRange.of("bytes=100-199", 1000);

        assertThat(range).isEqualTo(new ByteRange(HttpStatus.PARTIAL_CONTENT, 100, 199, 1000));
        assertThat(range.size()).isEqualTo(100);
        assertThat(range.contentRange()).isEqualTo("bytes 100-199/1000");
    }

    @Test
    void anOpenRangeRunsToTheEndAndALastByteBeyondItStopsThere() {
        assertThat(ByteRange.of("bytes=900-", 1000).contentRange()).isEqualTo("bytes 900-999/1000");
        assertThat(ByteRange.of("bytes=900-5000", 1000).contentRange()).isEqualTo("bytes 900-999/1000");
    }

    @Test
    void aSuffixRangeIsTheLastBytes() {
        assertThat(ByteRange.of("bytes=-100", 1000).contentRange()).isEqualTo("bytes 900-999/1000");
        assertThat(ByteRange.of("bytes=-5000", 1000).contentRange()).isEqualTo("bytes 0-999/1000");
    }

    @Test
    void aRangeThatStartsAtOrBeyondTheEndIsNotSatisfiable() {
        ByteRange range = ByteRange.of("bytes=1000-", 1000);

        assertThat(range.status()).isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
        assertThat(range.size()).isZero();
        assertThat(range.contentRange()).isEqualTo("bytes */1000");
        assertThat(ByteRange.of("bytes=-0", 1000).status()).isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
    }

    @Test
    void aMalformedRangeIsNotSatisfiable() {
        assertThat(ByteRange.of("bytes=abc", 1000).status()).isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
        assertThat(ByteRange.of("lines=1-2", 1000).status()).isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
    }

    @Test
    void severalRangesGetTheWholeObject() {
        assertThat(ByteRange.of("bytes=0-9,20-29", 1000)).isEqualTo(new ByteRange(HttpStatus.OK, 0, 999, 1000));
    }

    @Test
    void anEmptyObjectIsSentWholeWithNoBytes() {
        assertThat(ByteRange.of(null, 0).size()).isZero();
        assertThat(ByteRange.of("bytes=0-", 0).status()).isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
    }

}
