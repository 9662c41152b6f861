package io.parley.meeting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

class InputsTests {

    @Test
    void trimsNames() {
        Inputs inputs = new Inputs();

        assertThat(inputs.name("name", "  Ada Lovelace \u00a0")).isEqualTo("Ada Lovelace");
        inputs.validate();
    }

    @Test
    void countsCharactersAsPeopleSeeThem() {
        Inputs inputs = new Inputs();

        assertThat(inputs.name("name", "🚀".repeat(64))).hasSize(128);
        assertThat(inputs.name("name", "é".repeat(64))).isNotNull();
        inputs.validate();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "tab\tname", "new\nline", "bell\u0007", "esc\u001b[31m", "nul\u0000",
            "del\u007f", "c1\u0085" })
    void refusesEmptyNamesAndControlCharacters(String name) {
        Inputs inputs = new Inputs();
        inputs.name("name", name);

        assertThatThrownBy(inputs::validate).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void refusesLoneSurrogatesAndOverlongNames() {
        for (String name : List.of("\ud800x", "x".repeat(65), "x".repeat(100_000))) {
            Inputs inputs = new Inputs();
            inputs.name("name", name);
            assertThatThrownBy(inputs::validate).isInstanceOf(ApiProblem.class);
        }
    }

    @Test
    void keepsJoinersAndEmojiSequences() {
        Inputs inputs = new Inputs();

        assertThat(inputs.name("name", "👩‍💻 Grace")).isEqualTo("👩‍💻 Grace");
        inputs.validate();
    }

    @Test
    void listsEveryFailedField() {
        Inputs inputs = new Inputs();
        inputs.name("hostName", null);
        inputs.optionalText("title", "t".repeat(201), Inputs.MAX_TITLE);

        assertThatThrownBy(inputs::validate).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.getBody().getProperties()).containsKey("errors");
            assertThat((List<?>) problem.getBody().getProperties().get("errors")).hasSize(2);
            assertThat(problem.getBody().getDetail()).contains("hostName").contains("title");
        });
    }

    @Test
    void treatsABlankOptionalTextAsAbsent() {
        Inputs inputs = new Inputs();

        assertThat(inputs.optionalText("title", "   ", Inputs.MAX_TITLE)).isNull();
        assertThat(inputs.optionalText("title", null, Inputs.MAX_TITLE)).isNull();
        inputs.validate();
    }

    @Test
    void keepsTheGuestNamespaceForGeneratedIds() {
        Inputs inputs = new Inputs();
        assertThat(inputs.userId("userId", "42", true)).isEqualTo("42");
        inputs.userId("userId", "guest:someone", true);

        assertThatThrownBy(inputs::validate).isInstanceOf(ApiProblem.class);
    }

}
