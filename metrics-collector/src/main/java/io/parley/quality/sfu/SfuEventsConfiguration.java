package io.parley.quality.sfu;

import com.github.benmanes.caffeine.cache.Ticker;
import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.quality.QualityMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class SfuEventsConfiguration {

    @Bean
    JanusEventParser janusEventParser(JsonMapper json) {
        return new JanusEventParser(json);
    }

    @Bean
    JanusEventIntake janusEventIntake(SfuEventsProperties properties, KafkaTemplate<String, CloudEvent> kafka,
            EventCodec codec, QualityMetrics metrics) {
        SfuSampler sampler = new SfuSampler(properties.maxStreams(), properties.streamIdleTimeout(),
                Ticker.systemTicker());
        return new JanusEventIntake(sampler, kafka, codec, metrics);
    }

}
