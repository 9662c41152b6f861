package io.parley.support;

import io.parley.support.problem.ProblemDetailsErrorHandler;
import io.parley.support.web.ServiceNameHeaderFilter;
import io.parley.support.web.WebSocketUpgrades;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Parley service gets: problem-detail errors everywhere, the service-name
 * header, and no request observation for WebSocket upgrades.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration")
public class ServiceSupportAutoConfiguration {

    @Bean
    @Order(-2)
    ProblemDetailsErrorHandler problemDetailsErrorHandler(JsonMapper json) {
        return new ProblemDetailsErrorHandler(json);
    }

    @Bean
    ServiceNameHeaderFilter serviceNameHeaderFilter(@Value("${spring.application.name}") String serviceName) {
        return new ServiceNameHeaderFilter(serviceName);
    }

    @Bean
    WebSocketUpgrades webSocketUpgradesAreNotRequests() {
        return new WebSocketUpgrades();
    }

}
