package io.parley.people.session;

import java.time.Duration;

import io.parley.people.PeopleProperties;
import io.parley.people.web.PeopleProblem;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Growing delays after failed sign-ins (PEOPLE.md §2), in Redis so every instance sees
 * them: per email address (whether or not an account has it, so the answer tells nothing
 * about which exist) after {@code freeFailures}, and per client address after
 * {@code addressFailures}. Each failure past the free ones doubles the wait, up to
 * {@code maxDelay}; a success clears the email's count. A waiting sign-in is answered 429
 * with Retry-After before any password is hashed, so throttled guessing costs the service
 * nothing.
 */
@Component
class SignInThrottle {

    private final ReactiveStringRedisTemplate redis;

    private final PeopleProperties.Throttle settings;

    SignInThrottle(ReactiveStringRedisTemplate redis, PeopleProperties properties) {
        this.redis = redis;
        this.settings = properties.throttle();
    }

    /** Completes empty when the attempt may go ahead, else fails with 429. */
    Mono<Void> check(String emailKey, String address) {
        return Mono.zip(waitOf(accountKey(emailKey)), waitOf(addressKey(address))).flatMap(waits -> {
            long wait = Math.max(waits.getT1(), waits.getT2());
            return wait > 0 ? Mono.error(PeopleProblem.tooManyAttempts(Duration.ofMillis(wait))) : Mono.empty();
        });
    }

    Mono<Void> failed(String emailKey, String address) {
        return Mono.when(count(accountKey(emailKey), settings.freeFailures()),
                count(addressKey(address), settings.addressFailures()));
    }

    Mono<Void> succeeded(String emailKey) {
        return redis.delete(accountKey(emailKey) + ":failures", accountKey(emailKey) + ":wait").then();
    }

    private Mono<Long> waitOf(String key) {
        return redis.getExpire(key + ":wait").map(Duration::toMillis).map(ms -> Math.max(0, ms)).defaultIfEmpty(0L);
    }

    private Mono<Void> count(String key, int free) {
        return redis.opsForValue().increment(key + ":failures").flatMap(failures -> {
            Mono<Boolean> window = redis.expire(key + ":failures", settings.window());
            if (failures < free) {
                return window.then();
            }
            return window.then(redis.opsForValue().set(key + ":wait", "1", delayAfter(failures - free))).then();
        });
    }

    Duration delayAfter(long failuresPastFree) {
        long factor = 1L << Math.min(20, failuresPastFree);
        Duration delay = settings.baseDelay().multipliedBy(factor);
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private static String accountKey(String emailKey) {
        return "people:sign-in:{email:" + emailKey + "}";
    }

    private static String addressKey(String address) {
        return "people:sign-in:{address:" + address + "}";
    }

}
