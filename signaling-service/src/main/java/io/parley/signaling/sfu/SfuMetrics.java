package io.parley.signaling.sfu;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SFU's metrics, one series per Janus instance ({@code janus} tag, not
 * {@code instance}, which Prometheus sets to the scraped pod: the API's host and port),
 * read from each instance's admin API every {@code metrics-interval}:
 * {@code parley.signaling.sfu.up} (1 when the instance answered its last reading),
 * {@code parley.signaling.sfu.rooms}, {@code parley.signaling.sfu.publishers} and
 * {@code parley.signaling.sfu.subscribers}. While an instance does not answer, the three
 * counts are NaN rather than a stale or a false zero. Besides,
 * {@code parley.signaling.sfu.recording.publishers}: how many of the participants whose
 * sockets this signaling instance holds are being recorded.
 */
@Component
public class SfuMetrics implements InitializingBean, DisposableBean {

    private final SfuProperties settings;

    private final List<Instance> instances;

    private final SfuAvailability availability;

    private final AtomicInteger recordingPublishers = new AtomicInteger();

    private volatile Disposable polling;

    public SfuMetrics(JanusInstances janus, SfuAvailability availability, SfuProperties settings,
            MeterRegistry registry) {
        this.settings = settings;
        this.availability = availability;
        this.instances = janus.all().stream().map((rooms) -> new Instance(rooms, registry)).toList();
        Gauge.builder("parley.signaling.sfu.recording.publishers", recordingPublishers, AtomicInteger::get)
            .description("Publishers of this signaling instance's participants that Janus records")
            .register(registry);
    }

    /** How many of this instance's participants are recorded now. */
    void recordingPublishers(int count) {
        recordingPublishers.set(count);
    }

    /**
     * The instance with the fewest publisher and subscriber handles at its last reading,
     * one that answered before one that did not; empty when none is configured.
     */
    public Optional<String> leastLoaded() {
        return instances.stream()
            .min(Comparator.comparing((Instance instance) -> !instance.last.get().up())
                .thenComparingDouble(
                        (instance) -> instance.last.get().publishers() + instance.last.get().subscribers()))
            .map((instance) -> instance.name);
    }

    /**
     * Like {@link #leastLoaded()}, but only of the instances that answered their last
     * reading, and never the one named.
     */
    Optional<String> leastLoadedAnswering(String except) {
        return instances.stream()
            .filter((instance) -> !instance.name.equals(except) && instance.last.get().up())
            .min(Comparator.comparingDouble(
                    (Instance instance) -> instance.last.get().publishers() + instance.last.get().subscribers()))
            .map((instance) -> instance.name);
    }

    /**
     * Reads the named instance now (its metrics follow): whether it answers. An instance
     * not configured here does not.
     */
    Mono<Boolean> answers(String name) {
        return Flux.fromIterable(instances)
            .filter((instance) -> instance.name.equals(name))
            .next()
            .flatMap((instance) -> instance.refresh().then(Mono.fromSupplier(() -> instance.last.get().up())))
            .defaultIfEmpty(false);
    }

    /**
     * Reads every instance once; the metrics hold the outcome when it completes, and the
     * other services learn whether any instance answered.
     */
    public Mono<Void> refresh() {
        return Flux.fromIterable(instances)
            .flatMap(Instance::refresh)
            .then(Mono.defer(() -> availability.announce(instances.stream()
                .filter((instance) -> instance.last.get().up())
                .map((instance) -> instance.name)
                .toList())));
    }

    @Override
    public void afterPropertiesSet() {
        if (!instances.isEmpty()) {
            polling = Flux.interval(Duration.ZERO, settings.metricsInterval())
                .onBackpressureDrop()
                .concatMap((tick) -> refresh())
                .subscribe();
        }
    }

    @Override
    public void destroy() {
        if (polling != null) {
            polling.dispose();
        }
    }

    private static final class Instance {

        private final JanusLoad load;

        private final String name;

        private final AtomicReference<JanusLoad.Reading> last = new AtomicReference<>(JanusLoad.Reading.DOWN);

        Instance(VideoRooms rooms, MeterRegistry registry) {
            this.load = new JanusLoad(rooms.janus());
            this.name = rooms.instance();
            Gauge.builder("parley.signaling.sfu.up", last, (reading) -> reading.get().up() ? 1 : 0)
                .tag("janus", name)
                .description("1 when the Janus instance answered its admin API at the last reading")
                .register(registry);
            Gauge.builder("parley.signaling.sfu.rooms", last, (reading) -> reading.get().rooms())
                .tag("janus", name)
                .description("VideoRoom rooms on the Janus instance")
                .register(registry);
            Gauge.builder("parley.signaling.sfu.publishers", last, (reading) -> reading.get().publishers())
                .tag("janus", name)
                .description("VideoRoom publisher handles on the Janus instance")
                .register(registry);
            Gauge.builder("parley.signaling.sfu.subscribers", last, (reading) -> reading.get().subscribers())
                .tag("janus", name)
                .description("VideoRoom subscriber handles on the Janus instance")
                .register(registry);
        }

        Mono<Void> refresh() {
            return load.read().doOnNext(last::set).then();
        }

    }

}
