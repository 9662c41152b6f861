package io.parley.streamlimit.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeedUserIdsTests {

    @Test
    void acceptsWholeNumbersAndDropsLeadingZeros() {
        assertThat(SeedUserIds.parse("42")).hasValue("42");
        assertThat(SeedUserIds.parse("0")).hasValue("0");
        assertThat(SeedUserIds.parse("007")).hasValue("7");
        assertThat(SeedUserIds.parse("999999999999999999")).hasValue("999999999999999999");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "abc", "1.5", "-1", "+1", "1e3", " 1", "1 ", "0x10", "1234567890123456789",
            "99999999999999999999999999999", "١٢" })
    void refusesEverythingElse(String raw) {
        assertThat(SeedUserIds.parse(raw)).isEmpty();
    }

    @Test
    void refusesNoIdAtAll() {
        assertThat(SeedUserIds.parse(null)).isEmpty();
    }

}
