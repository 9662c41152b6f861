package io.parley.quality;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.quality.beacon.Rejection;
import io.parley.quality.pipeline.SampleOutcome;
import io.parley.quality.sample.BeaconFormat;
import io.parley.quality.sample.QualityStats;
import io.parley.quality.sfu.SfuEventResult;
import org.springframework.stereotype.Component;

/**
 * Every metric the collector adds to Spring Boot's own. Names are given as Prometheus
 * shows them (dots become underscores, the base unit is appended). The quality histograms
 * carry direction and media kind only, never a meeting or participant: their number of
 * series stays fixed however many calls there are. docs/quality.md lists them; the
 * dashboards and alert rules in observability/ use them.
 */
@Component
public class QualityMetrics {

    private static final double KBPS = 1_000;

    private final Map<BeaconFormat, Counter> accepted = new EnumMap<>(BeaconFormat.class);

    private final Map<Rejection, Counter> rejected = new EnumMap<>(Rejection.class);

    private final Counter kafkaUnavailable;

    private final Counter keysUnavailable;

    private final Timer publish;

    private final Map<SampleOutcome, Counter> consumed = new EnumMap<>(SampleOutcome.class);

    private final Timer pipelineDelay;

    private final Timer historyWrite;

    private final Counter partitionsCreated;

    private final Counter partitionsDropped;

    private final DistributionSummary rtt;

    private final DistributionSummary jitter;

    private final DistributionSummary sendLoss;

    private final DistributionSummary recvLoss;

    private final Map<String, DistributionSummary> bitrates = new HashMap<>();

    private final Map<String, Counter> sfuEvents = new HashMap<>();

    private final Map<Rejection, Counter> sfuRejected = new EnumMap<>(Rejection.class);

    private final Counter sfuSamplesPublished;

    private final Counter sfuSamplesUnpublished;

    private final Counter sfuNacksReceived;

    private final Counter sfuNacksSent;

    private final DistributionSummary sfuRtt;

    private final DistributionSummary sfuJitter;

    private final DistributionSummary sfuSendLoss;

    private final DistributionSummary sfuRecvLoss;

    public QualityMetrics(MeterRegistry registry) {
        // parley_quality_beacons_accepted_total{format}
        for (BeaconFormat format : BeaconFormat.values()) {
            accepted.put(format,
                    Counter.builder("parley.quality.beacons.accepted")
                        .description("Beacons answered 204: acknowledged by Kafka")
                        .tag("format", format.label())
                        .register(registry));
        }
        // parley_quality_beacons_rejected_total{reason}
        for (Rejection reason : Rejection.values()) {
            rejected.put(reason,
                    Counter.builder("parley.quality.beacons.rejected")
                        .description("Beacons answered 4xx, by reason")
                        .tag("reason", reason.tag())
                        .register(registry));
        }
        // parley_quality_beacons_unavailable_total{cause}
        kafkaUnavailable = unavailable(registry, "kafka");
        keysUnavailable = unavailable(registry, "tokens");
        // parley_quality_beacon_publish_seconds: from send to Kafka's acknowledgement
        publish = Timer.builder("parley.quality.beacon.publish")
            .description("Time from handing a sample to the Kafka producer to its acknowledgement (acks=all)")
            .serviceLevelObjectives(millis(1), millis(2), millis(5), millis(10), millis(20), millis(50), millis(100),
                    millis(250), millis(500), millis(1000), millis(2500), millis(5000))
            .register(registry);
        // parley_quality_samples_consumed_total{result}
        for (SampleOutcome outcome : SampleOutcome.values()) {
            consumed.put(outcome, Counter.builder("parley.quality.samples.consumed")
                .description("Records the aggregator took from parley.quality.samples, by what it did with them")
                .tag("result", outcome.tag())
                .register(registry));
        }
        // parley_quality_pipeline_delay_seconds: from the beacon's acceptance to its
        // sample being in the history
        pipelineDelay = Timer.builder("parley.quality.pipeline.delay")
            .description("Time from accepting a beacon to its sample being stored in the history")
            .serviceLevelObjectives(millis(10), millis(50), millis(100), millis(500), millis(1000), millis(2500),
                    millis(5000), millis(10_000), millis(30_000), millis(60_000), millis(300_000))
            .register(registry);
        // parley_quality_history_write_seconds: one batch into PostgreSQL, successful or
        // not
        historyWrite = Timer.builder("parley.quality.history.write")
            .description("Time to store one batch of samples in the PostgreSQL history")
            .serviceLevelObjectives(millis(5), millis(10), millis(25), millis(50), millis(100), millis(250),
                    millis(500), millis(1000), millis(2500), millis(5000), millis(10_000))
            .register(registry);
        // parley_quality_history_partitions_created_total,
        // parley_quality_history_partitions_dropped_total
        partitionsCreated = Counter.builder("parley.quality.history.partitions.created")
            .description("Daily partitions of quality_sample created ahead of time by this instance")
            .register(registry);
        partitionsDropped = Counter.builder("parley.quality.history.partitions.dropped")
            .description("Daily partitions of quality_sample dropped past the retention window by this instance")
            .register(registry);
        // parley_quality_rtt_seconds
        rtt = DistributionSummary.builder("parley.quality.rtt")
            .description("Round-trip time reported by clients")
            .baseUnit("seconds")
            .serviceLevelObjectives(0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2, 5)
            .register(registry);
        // parley_quality_jitter_seconds
        jitter = DistributionSummary.builder("parley.quality.jitter")
            .description("Inbound jitter reported by clients")
            .baseUnit("seconds")
            .serviceLevelObjectives(0.001, 0.0025, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.2, 0.5)
            .register(registry);
        // parley_quality_packet_loss_ratio{direction}
        sendLoss = loss(registry, "send");
        recvLoss = loss(registry, "recv");
        // parley_quality_bitrate_bits_per_second{direction, kind}
        for (String direction : new String[] { "send", "recv" }) {
            for (String kind : new String[] { "total", "audio", "video" }) {
                bitrates.put(direction + '/' + kind,
                        DistributionSummary.builder("parley.quality.bitrate")
                            .description("Bitrate reported by clients, by direction and media kind")
                            .baseUnit("bits.per.second")
                            .tag("direction", direction)
                            .tag("kind", kind)
                            .serviceLevelObjectives(16 * KBPS, 32 * KBPS, 64 * KBPS, 128 * KBPS, 256 * KBPS, 512 * KBPS,
                                    1_000 * KBPS, 1_500 * KBPS, 2_500 * KBPS, 4_000 * KBPS, 8_000 * KBPS, 16_000 * KBPS)
                            .register(registry));
            }
        }
        // parley_quality_sfu_events_total{kind, result}: what Janus's event handler
        // posted, event by event
        for (String kind : new String[] { "handle", "media", "other" }) {
            for (SfuEventResult result : SfuEventResult.values()) {
                sfuEvents.put(kind + '/' + result.tag(),
                        Counter.builder("parley.quality.sfu.events")
                            .description("Events Janus's event handler posted, by kind and by what became of them")
                            .tag("kind", kind)
                            .tag("result", result.tag())
                            .register(registry));
            }
        }
        // parley_quality_sfu_posts_rejected_total{reason}
        for (Rejection reason : new Rejection[] { Rejection.MALFORMED, Rejection.TOO_LARGE,
                Rejection.UNSUPPORTED_MEDIA_TYPE, Rejection.UNAUTHORIZED }) {
            sfuRejected.put(reason,
                    Counter.builder("parley.quality.sfu.posts.rejected")
                        .description("Posts to the Janus events endpoint answered 4xx, by reason")
                        .tag("reason", reason.tag())
                        .register(registry));
        }
        // parley_quality_sfu_samples_total{result}
        sfuSamplesPublished = sfuSamples(registry, "published");
        sfuSamplesUnpublished = sfuSamples(registry, "unpublished");
        // parley_quality_sfu_nacks_total{direction}: recv = NACKs from participants
        // (their downlink lost packets), send = NACKs Janus sent them (their uplink did)
        sfuNacksReceived = sfuNacks(registry, "recv");
        sfuNacksSent = sfuNacks(registry, "send");
        // parley_quality_sfu_rtt_seconds, parley_quality_sfu_jitter_seconds,
        // parley_quality_sfu_packet_loss_ratio{direction}: the SFU's samples, kept apart
        // from the clients' histograms
        sfuRtt = DistributionSummary.builder("parley.quality.sfu.rtt")
            .description("Round-trip time to participants measured by the SFU")
            .baseUnit("seconds")
            .serviceLevelObjectives(0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2, 5)
            .register(registry);
        sfuJitter = DistributionSummary.builder("parley.quality.sfu.jitter")
            .description("Jitter of participants' media measured by the SFU")
            .baseUnit("seconds")
            .serviceLevelObjectives(0.001, 0.0025, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.2, 0.5)
            .register(registry);
        sfuSendLoss = sfuLoss(registry, "send");
        sfuRecvLoss = sfuLoss(registry, "recv");
    }

    private static Counter sfuSamples(MeterRegistry registry, String result) {
        return Counter.builder("parley.quality.sfu.samples")
            .description("Samples made from the SFU's statistics, by whether Kafka acknowledged them")
            .tag("result", result)
            .register(registry);
    }

    private static Counter sfuNacks(MeterRegistry registry, String direction) {
        return Counter.builder("parley.quality.sfu.nacks")
            .description("NACKs on participants' handles reported by the SFU, by the participant's direction")
            .tag("direction", direction)
            .register(registry);
    }

    private static DistributionSummary sfuLoss(MeterRegistry registry, String direction) {
        return DistributionSummary.builder("parley.quality.sfu.packet.loss")
            .description("Share of packets lost (0-1) measured by the SFU, by the participant's direction")
            .baseUnit("ratio")
            .tag("direction", direction)
            .serviceLevelObjectives(0.001, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.5, 1)
            .register(registry);
    }

    private static Counter unavailable(MeterRegistry registry, String cause) {
        return Counter.builder("parley.quality.beacons.unavailable")
            .description("Beacons answered 503: Kafka did not acknowledge in time, or tokens could not be verified")
            .tag("cause", cause)
            .register(registry);
    }

    private static DistributionSummary loss(MeterRegistry registry, String direction) {
        return DistributionSummary.builder("parley.quality.packet.loss")
            .description("Share of packets lost reported by clients (0-1), by direction")
            .baseUnit("ratio")
            .tag("direction", direction)
            .serviceLevelObjectives(0.001, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.5, 1)
            .register(registry);
    }

    private static Duration millis(long millis) {
        return Duration.ofMillis(millis);
    }

    public void beaconAccepted(BeaconFormat format) {
        accepted.get(format).increment();
    }

    public void beaconRejected(Rejection reason) {
        rejected.get(reason).increment();
    }

    public void kafkaUnavailable() {
        kafkaUnavailable.increment();
    }

    public void tokensUnavailable() {
        keysUnavailable.increment();
    }

    public Timer.Sample startPublish() {
        return Timer.start();
    }

    public void published(Timer.Sample started) {
        started.stop(publish);
    }

    public void consumed(SampleOutcome outcome) {
        consumed.get(outcome).increment();
    }

    public void consumed(SampleOutcome outcome, int records) {
        if (records > 0) {
            consumed.get(outcome).increment(records);
        }
    }

    public Timer.Sample startHistoryWrite() {
        return Timer.start();
    }

    public void historyWritten(Timer.Sample started) {
        started.stop(historyWrite);
    }

    public void partitionCreated() {
        partitionsCreated.increment();
    }

    public void partitionDropped() {
        partitionsDropped.increment();
    }

    /** One event of a Janus post: {@code kind} is handle, media or other. */
    public void sfuEvent(String kind, SfuEventResult result) {
        sfuEvents.get(kind + '/' + result.tag()).increment();
    }

    public void sfuPostRejected(Rejection reason) {
        Counter counter = sfuRejected.get(reason);
        if (counter != null) {
            counter.increment();
        }
    }

    public void sfuSamplePublished() {
        sfuSamplesPublished.increment();
    }

    public void sfuSampleUnpublished() {
        sfuSamplesUnpublished.increment();
    }

    public void sfuNacks(long received, long sent) {
        sfuNacksReceived.increment(received);
        sfuNacksSent.increment(sent);
    }

    /**
     * A newly recorded sample: into the histograms of its source, and how long it took
     * from acceptance to here.
     */
    public void recorded(BeaconFormat source, QualityStats stats, Duration sinceAccepted) {
        pipelineDelay.record(sinceAccepted.isNegative() ? Duration.ZERO : sinceAccepted);
        if (source == BeaconFormat.SFU) {
            observe(sfuRtt, stats.rttMs(), 1e-3);
            observe(sfuJitter, stats.jitterMs(), 1e-3);
            observe(sfuSendLoss, stats.sendPacketLossPct(), 1e-2);
            observe(sfuRecvLoss, stats.recvPacketLossPct(), 1e-2);
            return;
        }
        observe(rtt, stats.rttMs(), 1e-3);
        observe(jitter, stats.jitterMs(), 1e-3);
        observe(sendLoss, stats.sendPacketLossPct(), 1e-2);
        observe(recvLoss, stats.recvPacketLossPct(), 1e-2);
        observe(bitrates.get("send/total"), stats.sendBitrateBps(), 1);
        observe(bitrates.get("recv/total"), stats.recvBitrateBps(), 1);
        observe(bitrates.get("send/audio"), stats.audioSendBitrateBps(), 1);
        observe(bitrates.get("recv/audio"), stats.audioRecvBitrateBps(), 1);
        observe(bitrates.get("send/video"), stats.videoSendBitrateBps(), 1);
        observe(bitrates.get("recv/video"), stats.videoRecvBitrateBps(), 1);
    }

    private static void observe(DistributionSummary summary, Double value, double scale) {
        if (value != null) {
            summary.record(value * scale);
        }
    }

}
