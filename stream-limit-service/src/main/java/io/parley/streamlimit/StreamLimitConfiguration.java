package io.parley.streamlimit;

import java.time.Clock;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.streamlimit.caller.ApiKeys;
import io.parley.streamlimit.caller.CallerResolver;
import io.parley.streamlimit.events.StreamEventPublisher;
import io.parley.streamlimit.lease.LeaseStore;
import io.parley.streamlimit.lease.StreamLeases;
import io.parley.streamlimit.org.OrgLimitsStore;
import io.parley.streamlimit.redis.RedisGuard;
import io.parley.support.redis.RedisScripts;
import io.parley.support.web.RequestEventLoop;
import io.parley.tokens.JoinTokenVerifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the plain classes of the lease and organization-limit features. */
@Configuration(proxyBeanMethods = false)
class StreamLimitConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec(JsonMapper json, @Value("${spring.application.name}") String serviceName, Clock clock) {
        return new EventCodec(json, serviceName, clock);
    }

    @Bean
    StreamEventPublisher streamEventPublisher(KafkaTemplate<String, CloudEvent> kafka, EventCodec codec,
            StreamMetrics metrics) {
        return new StreamEventPublisher(kafka, codec, metrics);
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer producerNeverBlocks() {
        return StreamEventPublisher.neverBlock();
    }

    @Bean
    LeaseStore leaseStore(ReactiveStringRedisTemplate redis, RedisScripts scripts, JsonMapper json) {
        return new LeaseStore(redis, scripts, json);
    }

    @Bean
    OrgLimitsStore orgLimitsStore(ReactiveStringRedisTemplate redis, RedisScripts scripts) {
        return new OrgLimitsStore(redis, scripts);
    }

    @Bean
    StreamLeases streamLeases(LeaseStore store, OrgLimitsStore orgLimits, RedisGuard redis, StreamEventPublisher events,
            StreamMetrics metrics, StreamLimitProperties properties, Clock clock) {
        return new StreamLeases(store, orgLimits, redis, events, metrics, properties, clock);
    }

    /**
     * Lets {@link RedisGuard} move each request's work off the one Lettuce thread after a
     * Redis reply.
     */
    @Bean
    RequestEventLoop requestEventLoop() {
        return new RequestEventLoop();
    }

    @Bean
    CallerResolver callerResolver(StreamLimitProperties properties, JoinTokenVerifier tokens, RedisGuard redis) {
        return new CallerResolver(new ApiKeys(properties.apiKeys()), tokens, redis);
    }

}
