package io.parley.bench;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The floor under the collector: the same Spring Boot, WebFlux and Actuator (so each
 * request is observed as {@code http.server.requests}), one route that reads the beacon's
 * body and answers 204, and no work at all: no token, parsing, Kafka or Redis. What the
 * framework costs per beacon on this machine, measured in the same run.
 */
@SpringBootApplication
public class WebFluxFloor {

    public static void main(String[] args) {
        SpringApplication.run(WebFluxFloor.class, args);
    }

    /**
     * With one header: wrk passes an answer without any to no script callback, so it
     * would not be counted.
     */
    @Bean
    RouterFunction<ServerResponse> beacons() {
        return route(POST("/api/quality/beacons"), request -> request.bodyToMono(String.class)
            .then(ServerResponse.noContent().header(HttpHeaders.CACHE_CONTROL, "no-store").build()));
    }

}
