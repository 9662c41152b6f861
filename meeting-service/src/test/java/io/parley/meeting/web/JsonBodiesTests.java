package io.parley.meeting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

class JsonBodiesTests {

    record Body(String name, Integer count, Boolean flag, List<String> tags) {
    }

    private final JsonMapper strict = JsonBodies.strict(JsonMapper.builder().build());

    @Test
    void readsValuesOfTheRightKind() {
        Body body = strict.readValue("{\"name\":\"Ada\",\"count\":3,\"flag\":true,\"tags\":[\"a\"],\"extra\":1}",
                Body.class);

        assertThat(body).isEqualTo(new Body("Ada", 3, true, List.of("a")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "{\"name\":true}                | name    | name must be a string.",
                    "{\"name\":42}                  | name    | name must be a string.",
                    "{\"name\":4.2}                 | name    | name must be a string.",
                    "{\"count\":2.5}                | count   | count must be a whole number.",
                    "{\"count\":2.0}                | count   | count must be a whole number.",
                    "{\"count\":\"5\"}              | count   | count must be a whole number.",
                    "{\"count\":true}               | count   | count must be a whole number.",
                    "{\"flag\":\"true\"}            | flag    | flag must be true or false.",
                    "{\"flag\":1}                   | flag    | flag must be true or false.",
                    "{\"tags\":\"a\"}               | tags    | tags must be a list.",
                    "{\"tags\":[\"a\",7]}           | tags    | tags[1] must be a string.",
                    "[]                             | body    | The request body must be a JSON object." })
    void refusesValuesOfTheWrongKindNamingTheField(String json, String field, String message) {
        assertThatThrownBy(() -> strict.readValue(json, Body.class)).satisfies(error -> {
            ApiProblem problem = JsonBodies.wrongType(error).orElseThrow();
            assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(problem.getBody().getProperties()).containsEntry("errors",
                    List.of(new ApiProblem.FieldError(field, message)));
        });
    }

    @Test
    void leavesMalformedJsonToTheGenericAnswer() {
        assertThatThrownBy(() -> strict.readValue("{\"name\":", Body.class))
            .satisfies(error -> assertThat(JsonBodies.wrongType(error)).isEmpty());
    }

}
