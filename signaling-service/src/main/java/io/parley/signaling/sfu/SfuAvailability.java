package io.parley.signaling.sfu;

import java.time.Duration;
import java.util.List;

import io.parley.events.MediaServers;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps {@link MediaServers#AVAILABLE_KEY} alive while a Janus instance answers, so that
 * meeting-service can refuse a recording no Janus would capture. The key outlives two
 * missed readings and then expires: a signaling fleet that lost every Janus, or stopped,
 * stops vouching for one without having to say so.
 */
@Component
class SfuAvailability {

    private static final Log logger = LogFactory.getLog(SfuAvailability.class);

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final ReactiveStringRedisTemplate redis;

    private final Duration ttl;

    SfuAvailability(ReactiveStringRedisTemplate redis, SfuProperties settings) {
        this.redis = redis;
        this.ttl = settings.metricsInterval().multipliedBy(2).plus(GRACE);
    }

    /** After a reading: the names of the instances that answered it. */
    Mono<Void> announce(List<String> answered) {
        if (answered.isEmpty()) {
            return Mono.empty();
        }
        return redis.opsForValue()
            .set(MediaServers.AVAILABLE_KEY, String.join(",", answered), ttl)
            .then()
            .onErrorResume((ex) -> {
                logger.warn("Could not tell the other services that Janus answers: " + ex.getMessage());
                return Mono.empty();
            });
    }

}
