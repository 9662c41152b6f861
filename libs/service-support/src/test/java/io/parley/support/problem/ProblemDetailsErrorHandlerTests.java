package io.parley.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.databind.json.JsonMapper;

class ProblemDetailsErrorHandlerTests {

    private final ProblemDetailsErrorHandler handler = new ProblemDetailsErrorHandler(JsonMapper.builder().build());

    @Test
    void rendersResponseStatusErrorsAsProblemJson() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/things/7"));

        handler.handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND, "No thing 7")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":404",
                "\"detail\":\"No thing 7\"", "\"instance\":\"/api/things/7\"", "\"type\":\"about:blank\"",
                "\"title\":\"Not Found\"");
    }

    @Test
    void malformedInputIsABadRequest() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/things"));

        handler
            .handle(exchange,
                    new ServerWebInputException("Failed to read HTTP message", null,
                            new DecodingException("JSON decoding error")))
            .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void bodyOverTheCodecLimitIsContentTooLarge() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/things"));

        handler
            .handle(exchange,
                    new ServerWebInputException("Failed to read HTTP message", null,
                            new DataBufferLimitException("Exceeded limit on max bytes to buffer : 1024")))
            .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void unexpectedErrorsAreA500WithoutInternals() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/things"));

        handler.handle(exchange, new IllegalStateException("secret database password in message")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("secret")
            .contains("\"status\":500");
    }

}
