package io.parley.quality.beacon;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.quality.QualityMetrics;
import io.parley.quality.QualityProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class BeaconConfiguration {

    @Bean
    BeaconParser beaconParser(JsonMapper json, QualityProperties properties) {
        return new BeaconParser(json, properties.maxClockSkew(), properties.maxSampleAge());
    }

    @Bean
    BeaconAuthorization beaconAuthorization(QualityProperties properties) {
        return new BeaconAuthorization(properties.anonymousBeaconsEnabled());
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer nonBlockingProducerSettings() {
        return NonBlockingProducer.neverBlock();
    }

    @Bean
    SamplePublisher samplePublisher(KafkaTemplate<String, CloudEvent> kafka, EventCodec codec,
            QualityProperties properties, QualityMetrics metrics) {
        return new SamplePublisher(kafka, codec, properties.publishTimeout(), metrics);
    }

}
