package io.parley.people.account;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

import io.parley.people.PeopleMetrics;
import io.parley.people.PeopleProperties;
import io.parley.support.problem.Problems;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id (OWASP: m = 19 MiB, t = 2, p = 1) on threads of its own, never on an event
 * loop: a hash takes tens of milliseconds of one core on purpose. At most
 * {@code concurrency} run at once and {@code queue} wait; past that the caller gets 503
 * with Retry-After at once, so a burst of sign-ins cannot pile up memory or starve the
 * service.
 */
@Component
public class PasswordHashing implements DisposableBean {

    /**
     * A real hash of a password nobody has, verified when the email is unknown so that
     * both cost the same.
     */
    private final String decoyHash;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

    private final Scheduler hashing;

    private final PeopleMetrics metrics;

    public PasswordHashing(PeopleProperties properties, PeopleMetrics metrics) {
        this.metrics = metrics;
        this.hashing = Schedulers.newBoundedElastic(properties.passwords().concurrency(),
                properties.passwords().queue(), "argon2");
        this.decoyHash = encoder.encode("decoy-" + System.nanoTime());
    }

    public Mono<String> hash(String password) {
        return run(() -> encoder.encode(password));
    }

    public Mono<Boolean> matches(String password, String hash) {
        return run(() -> encoder.matches(password, hash == null ? decoyHash : hash) && hash != null);
    }

    private <T> Mono<T> run(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(() -> {
            long start = System.nanoTime();
            try {
                return work.call();
            }
            finally {
                metrics.passwordHashed(Duration.ofNanos(System.nanoTime() - start));
            }
        }).subscribeOn(hashing).onErrorMap(RejectedExecutionException.class, full -> {
            metrics.passwordHashRejected();
            return Problems.unavailable("The server is busy checking passwords; try again in a moment.",
                    Duration.ofSeconds(1), full);
        });
    }

    @Override
    public void destroy() {
        hashing.dispose();
    }

}
