package io.parley.recording;

import java.time.Clock;

import io.parley.events.EventCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec(JsonMapper json, Clock clock, @Value("${spring.application.name}") String service) {
        return new EventCodec(json, service, clock);
    }

}
