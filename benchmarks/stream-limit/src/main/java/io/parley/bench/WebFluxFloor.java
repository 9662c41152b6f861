package io.parley.bench;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.net.URI;
import java.time.Instant;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The floor under the service: the same Spring Boot, WebFlux and Actuator (so each request is observed as
 * {@code http.server.requests}), one route that reads the same start body and answers 201 with a lease of the same
 * shape, and no work at all: no API key, Redis, Kafka or limit. What the framework and the load generator cost per
 * request on this machine, measured in the same run as the service.
 */
@SpringBootApplication
public class WebFluxFloor {

    record StartRequest(String streamId, String meetingId, String userId) {
    }

    record StreamLease(String streamId, Integer streamCount, int limit, String leaseExpiresAt) {
    }

    public static void main(String[] args) {
        SpringApplication.run(WebFluxFloor.class, args);
    }

    @Bean
    RouterFunction<ServerResponse> starts() {
        return route(POST("/api/streams"), request -> request.bodyToMono(StartRequest.class)
            .flatMap(start -> ServerResponse.created(URI.create("/api/streams/" + start.streamId()))
                .bodyValue(new StreamLease(start.streamId(), 1, 3, Instant.now().toString()))));
    }
}
