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

/**
 * Links into the web client open it at any depth, and it reads the path itself: meeting
 * links ({@code /m/{meetingId}}, named rooms), the account pages (contacts and
 * conversations too), and invitation links sent by email ({@code /invite/{token}}).
 */
@Configuration(proxyBeanMethods = false)
class WebClientRoutes {

    private static final Resource INDEX = new ClassPathResource("META-INF/resources/index.html");

    @Bean
    RouterFunction<ServerResponse> meetingLinks() {
        return RouterFunctions.route(
                GET("/m/{meeting}").or(GET("/m/{meeting}/**"))
                    .or(GET("/signin"))
                    .or(GET("/signup"))
                    .or(GET("/account"))
                    .or(GET("/meetings"))
                    .or(GET("/orgs"))
                    .or(GET("/orgs/{orgId}"))
                    .or(GET("/orgs/{orgId}/quality"))
                    .or(GET("/invite/{token}"))
                    .or(GET("/contacts"))
                    .or(GET("/contacts/{contactId}")),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(INDEX));
    }

}
