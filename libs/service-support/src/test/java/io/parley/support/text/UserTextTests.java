package io.parley.support.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import io.parley.support.text.UserText.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserTextTests {

    @Test
    void stripsSurroundingWhiteSpaceAndReadsNullAsEmpty() {
        assertThat(UserText.strip("  \n\tHello there \n")).isEqualTo("Hello there");
        assertThat(UserText.strip(null)).isEmpty();
        assertThat(UserText.message(UserText.strip(" \n\t "), 10)).isEqualTo(Verdict.EMPTY);
    }

    @Test
    void countsCodePointsSoAnEmojiIsOneCharacter() {
        String smiles = "😀".repeat(4000);

        assertThat(smiles.length()).isEqualTo(8000);
        assertThat(UserText.length(smiles)).isEqualTo(4000);
        assertThat(UserText.message(smiles, 4000)).isEqualTo(Verdict.OK);
        assertThat(UserText.message(smiles + "😀", 4000)).isEqualTo(Verdict.TOO_LONG);
    }

    @Test
    void aMessageKeepsLineFeedsTabsAndDirectionMarks() {
        assertThat(UserText.message("first line\nsecond\tcolumn", 100)).isEqualTo(Verdict.OK);
        assertThat(UserText.message("שלום \u200Fworld\u200E", 100)).isEqualTo(Verdict.OK);
        // joiners build emoji sequences; they are format characters, not controls
        assertThat(UserText.message("👩\u200D💻", 100)).isEqualTo(Verdict.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\u0000b", "a\rb", "a\u0007b", "a\u001Bb", "a\u007Fb", "a\u0085b", "evil\u202Egnp.exe",
            "a\u202Ab", "a\u202Cb", "a\u2066b", "a\u2069b", "lone \uD800 surrogate", "lone \uDC00 low" })
    void aMessageRefusesControlsOverridesIsolatesAndLoneSurrogates(String text) {
        assertThat(UserText.message(text, 100)).isEqualTo(Verdict.FORBIDDEN_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = { "A\nB", "A\tB", "A\u200FB", "A\u200EB", "A\u061CB", "A\u2067B" })
    void aLineRefusesWhatAMessageAllowsAcrossLinesAndMarks(String text) {
        assertThat(UserText.line(text, 64)).isEqualTo(Verdict.FORBIDDEN_CHARACTER);
    }

    @Test
    void aLineIsCheckedForLengthBeforeItsCharacters() {
        assertThat(UserText.line("Ada Lovelace", 64)).isEqualTo(Verdict.OK);
        assertThat(UserText.line("n".repeat(65), 64)).isEqualTo(Verdict.TOO_LONG);
        assertThat(UserText.line("", 64)).isEqualTo(Verdict.EMPTY);
    }

    @Test
    void overridesAndIsolatesAreExactlyTheNineCharacters() {
        long count = IntStream.rangeClosed(0, 0x10FFFF).filter(UserText::isOverrideOrIsolate).count();

        assertThat(count).isEqualTo(9);
        assertThat(UserText.isOverrideOrIsolate(0x202A)).isTrue();
        assertThat(UserText.isOverrideOrIsolate(0x2069)).isTrue();
        assertThat(UserText.isOverrideOrIsolate(0x2065)).isFalse();
    }

}
