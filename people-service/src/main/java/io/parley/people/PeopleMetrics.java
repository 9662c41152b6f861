package io.parley.people;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** Every metric people-service publishes, in one place (docs/people.md lists them). */
@Component
public class PeopleMetrics {

    private final MeterRegistry registry;

    private final Timer passwordHash;

    private final Counter passwordHashRejected;

    private final Counter eventsPublished;

    private final Counter eventsFailed;

    public PeopleMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.passwordHash = Timer.builder("parley.people.password.hash")
            .description("Argon2id hashes and verifications, each on a hashing thread")
            .register(registry);
        this.passwordHashRejected = Counter.builder("parley.people.password.hash.rejected")
            .description("Sign-ins and sign-ups answered 503 because every hashing slot and queue place was taken")
            .register(registry);
        this.eventsPublished = Counter.builder("parley.people.events.published")
            .description("Outbox events acknowledged by Kafka")
            .register(registry);
        this.eventsFailed = Counter.builder("parley.people.events.failed")
            .description("Outbox relay runs that could not publish (the events stay in the outbox)")
            .register(registry);
    }

    public void passwordHashed(Duration took) {
        passwordHash.record(took);
    }

    public void passwordHashRejected() {
        passwordHashRejected.increment();
    }

    /**
     * @param outcome {@code success}, {@code wrong-password}, {@code throttled}
     */
    public void signIn(String outcome) {
        registry.counter("parley.people.sign-ins", "outcome", outcome).increment();
    }

    public void signUp() {
        registry.counter("parley.people.sign-ups").increment();
    }

    /**
     * @param outcome {@code rotated}, {@code grace}, {@code reuse-detected},
     * {@code refused}
     */
    public void refresh(String outcome) {
        registry.counter("parley.people.refreshes", "outcome", outcome).increment();
    }

    /** A direct message stored (a retry of one already stored is not counted again). */
    public void messageSent() {
        registry.counter("parley.people.messages.sent").increment();
    }

    /**
     * @param outcome how a call ended: {@code ended}, {@code declined},
     * {@code cancelled}, {@code missed}, {@code busy}
     */
    public void callEnded(String outcome) {
        registry.counter("parley.people.calls", "outcome", outcome).increment();
    }

    /**
     * A call that could not start or be answered because meeting-service did not answer
     * in time or at all.
     */
    public void meetingServiceFailed() {
        registry.counter("parley.people.calls.meeting-service.failures").increment();
    }

    /**
     * An export answered 503 (or 401) because recording-service could not list the
     * account's recordings.
     * @param reason {@code unreachable}, {@code timeout}, {@code status} (it answered an
     * error), {@code unreadable} (an answer that is no listing), {@code refused} (it
     * refused the access token)
     */
    public void recordingServiceFailed(String reason) {
        registry.counter("parley.people.export.recording-service.failures", "reason", reason).increment();
    }

    public void eventsPublished(int count) {
        eventsPublished.increment(count);
    }

    public void eventsFailed() {
        eventsFailed.increment();
    }

}
