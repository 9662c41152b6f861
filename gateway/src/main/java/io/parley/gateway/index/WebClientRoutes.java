package io.parley.gateway.index;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Meeting links ({@code /m/{meetingId}}, named rooms) open the web client, which reads the path itself. */
@Configuration(proxyBeanMethods = false)
class WebClientRoutes {

    private static final Resource INDEX = new ClassPathResource("META-INF/resources/index.html");

    @Bean
    RouterFunction<ServerResponse> meetingLinks() {
        return RouterFunctions.route(GET("/m/{meeting}").or(GET("/m/{meeting}/**")),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(INDEX));
    }
}
