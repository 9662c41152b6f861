package io.parley.support.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every error that reaches the WebFlux error path, also those raised outside
 * controllers (routing, filters, codecs), as an RFC 9457 problem detail. Server errors
 * keep their cause in the log, never in the response.
 */
public class ProblemDetailsErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsErrorHandler.class);

    private final JsonMapper json;

    public ProblemDetailsErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem = toProblem(error);
        if (error instanceof ErrorResponse errorResponse) {
            response.getHeaders().addAll(errorResponse.getHeaders());
        }
        if (problem.getStatus() >= 500 && !(error instanceof ErrorResponse)) {
            log.error("Unhandled error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    error);
        }
        if (problem.getInstance() == null) {
            problem.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
        }
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(asMap(problem)));
        return response.writeWith(Mono.just(body));
    }

    static ProblemDetail toProblem(Throwable error) {
        if (causedBy(error, DataBufferLimitException.class)) {
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than this endpoint accepts.");
        }
        if (error instanceof ErrorResponse errorResponse) {
            ProblemDetail body = errorResponse.getBody();
            ProblemDetail copy = ProblemDetail.forStatus(body.getStatus());
            copy.setType(body.getType());
            copy.setTitle(body.getTitle());
            copy.setDetail(body.getDetail());
            copy.setInstance(body.getInstance());
            if (body.getProperties() != null) {
                body.getProperties().forEach(copy::setProperty);
            }
            return copy;
        }
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged.");
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
        }
        return false;
    }

    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType() != null ? problem.getType().toString() : "about:blank");
        body.put("title", problem.getTitle() != null ? problem.getTitle()
                : HttpStatus.valueOf(problem.getStatus()).getReasonPhrase());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(body::putIfAbsent);
        }
        return body;
    }

}
