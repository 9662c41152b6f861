package io.parley.gateway.resilience;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.parley.gateway.GatewayMetrics;
import io.parley.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards a failed call: a backend that refused the
 * connection, answered too slowly or whose circuit is open becomes a 503 problem that
 * says which.
 */
@RestController
class UnavailableController {

    private static final Logger log = LoggerFactory.getLogger(UnavailableController.class);

    static final String PATH = "/__unavailable/";

    private final GatewayMetrics metrics;

    private final GatewayProperties.Resilience resilience;

    UnavailableController(GatewayMetrics metrics, GatewayProperties properties) {
        this.metrics = metrics;
        this.resilience = properties.resilience();
    }

    @RequestMapping(PATH + "{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String reason = reason(cause);
        metrics.backendUnavailable(service, reason);
        if ("unreachable".equals(reason)) {
            // the metric says that a call failed, only this says why (refused, reset,
            // pool exhausted, ...)
            log.warn("A call to {} failed: {}", service, String.valueOf(cause));
        }
        String detail = switch (reason) {
            case "timeout" -> service + " did not answer within " + resilience.timeout().toMillis() + " ms.";
            case "circuit-open" -> service + " is failing; calls are paused for a while.";
            default -> service + " cannot be reached right now.";
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
        problem.setInstance(originalPath(exchange));
        problem.setProperty("service", service);
        problem.setProperty("reason", reason);
        ErrorResponseException error = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, cause);
        error.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return Mono.error(error);
    }

    private static URI originalPath(ServerWebExchange exchange) {
        Set<URI> original = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        URI first = original == null || original.isEmpty() ? exchange.getRequest().getURI()
                : original.iterator().next();
        return URI.create(first.getRawPath());
    }

    static String reason(Throwable cause) {
        if (cause instanceof TimeoutException) {
            return "timeout";
        }
        if (cause instanceof CallNotPermittedException) {
            return "circuit-open";
        }
        return "unreachable";
    }

}
