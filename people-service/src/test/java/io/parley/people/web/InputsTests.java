package io.parley.people.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputsTests {

    @Test
    void namesAreTrimmedAndCountedInCodePoints() {
        Inputs inputs = new Inputs();

        assertThat(inputs.name("displayName", "  Ada  ")).isEqualTo("Ada");
        assertThat(inputs.name("displayName", "😀".repeat(64))).isNotNull();
        assertThat(inputs.hasErrors()).isFalse();
    }

    @Test
    void refusesControlAndTextDirectionCharactersInNames() {
        for (String name : new String[] { "A\u0000B", "A\nB", "evil\u202Egnp.exe", "A\u2066B", "A\u200FB" }) {
            Inputs inputs = new Inputs();
            assertThat(inputs.name("displayName", name)).as(name).isNull();
            assertThatThrownBy(inputs::validate).isInstanceOf(PeopleProblem.class);
        }
    }

    @Test
    void emailKeysIgnoreCaseAndSurroundingSpace() {
        assertThat(Inputs.emailKey("  Ada@Example.ORG ")).isEqualTo("ada@example.org");
    }

    @Test
    void passwordsAreTakenAsTypedWithSpaces() {
        Inputs inputs = new Inputs();

        assertThat(inputs.password("password", "  spaced out  ")).isEqualTo("  spaced out  ");
        assertThat(inputs.password("password", "p".repeat(257))).isNull();
    }

}
