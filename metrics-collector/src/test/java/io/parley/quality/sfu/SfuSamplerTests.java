package io.parley.quality.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.parley.events.MediaServers.HandleOwner;
import io.parley.quality.sample.BeaconFormat;
import io.parley.quality.sample.QualitySample;
import io.parley.quality.sample.QualityStats;
import io.parley.quality.sfu.JanusEvent.StreamStats;
import io.parley.quality.sfu.SfuSampler.SfuReading;
import org.junit.jupiter.api.Test;

class SfuSamplerTests {

    private static final HandleOwner OWNER = new HandleOwner("m-1", "p-1");

    private static final long RECEIVED_AT = 1_700_000_009_000L;

    private final AtomicLong nanos = new AtomicLong();

    private final SfuSampler sampler = new SfuSampler(100, Duration.ofMinutes(2), nanos::get);

    @Test
    void aPublisherHandleGivesTheParticipantsUplinkAsSeenByTheServer() {
        SfuReading reading = sample(22, 1_700_000_005_000_000L, audio(42, 3, 0, 4, 0, 97, 0, 4_000, 0, 0, 2),
                video("video", 45, 0, 0, 7, 0, 900, 0, 120_000, 0, 0, 5));

        QualitySample sample = reading.sample();
        assertThat(sample.meetingId()).isEqualTo("m-1");
        assertThat(sample.participantId()).isEqualTo("p-1");
        assertThat(sample.sessionId()).isEqualTo("janus-11-22");
        assertThat(sample.format()).isEqualTo(BeaconFormat.SFU);
        assertThat(sample.timestamp()).isEqualTo(1_700_000_005_000L);
        assertThat(sample.receivedAt()).isEqualTo(RECEIVED_AT);
        QualityStats stats = sample.stats();
        assertThat(stats.rttMs()).isEqualTo(45);
        assertThat(stats.jitterMs()).isEqualTo(7);
        assertThat(stats.sendPacketLossPct()).isEqualTo(0.3);
        assertThat(stats.sendBitrateBps()).isEqualTo(992_000);
        assertThat(stats.audioSendBitrateBps()).isEqualTo(32_000);
        assertThat(stats.videoSendBitrateBps()).isEqualTo(960_000);
        assertThat(stats.recvBitrateBps()).isNull();
        assertThat(stats.recvPacketLossPct()).isNull();
        assertThat(reading.nacksSent()).isEqualTo(7);
        assertThat(reading.nacksReceived()).isZero();
    }

    @Test
    void aSubscriberHandleGivesTheParticipantsDownlinkAsTheyReportedItBack() {
        SfuReading reading = sample(23, 1_700_000_005_000_000L, audio(30, 0, 2, 0, 9, 0, 200, 0, 4_000, 4, 0));

        QualityStats stats = reading.sample().stats();
        assertThat(stats.recvBitrateBps()).isEqualTo(32_000);
        assertThat(stats.recvPacketLossPct()).isEqualTo(1.0);
        assertThat(stats.jitterMs()).isEqualTo(9);
        assertThat(stats.sendBitrateBps()).isNull();
        assertThat(reading.nacksReceived()).isEqualTo(4);
    }

    @Test
    void lossAndNacksCoverThePeriodSinceTheHandlesPreviousStatistics() {
        sample(22, 1_000_000L, audio(40, 10, 0, 1, 0, 990, 0, 4_000, 0, 0, 20));

        SfuReading next = sample(22, 6_000_000L, audio(40, 15, 0, 1, 0, 1_485, 0, 4_000, 0, 0, 23));

        assertThat(next.sample().stats().sendPacketLossPct()).isEqualTo(1.0);
        assertThat(next.nacksSent()).isEqualTo(3);
    }

    @Test
    void aStreamWhoseCountersWentDownStartedAgain() {
        sample(22, 1_000_000L, audio(40, 10, 0, 1, 0, 990, 0, 4_000, 0, 0, 20));

        SfuReading restarted = sample(22, 6_000_000L, audio(40, 1, 0, 1, 0, 99, 0, 4_000, 0, 0, 1));

        assertThat(restarted.sample().stats().sendPacketLossPct()).isEqualTo(1.0);
        assertThat(restarted.nacksSent()).isEqualTo(1);
    }

    @Test
    void aForgottenStreamCountsFromItsStartAgain() {
        sample(22, 1_000_000L, audio(40, 10, 0, 1, 0, 990, 0, 4_000, 0, 0, 20));
        nanos.addAndGet(Duration.ofMinutes(3).toNanos());

        SfuReading later = sample(22, 200_000_000L, audio(40, 20, 0, 1, 0, 1_980, 0, 4_000, 0, 0, 30));

        assertThat(later.sample().stats().sendPacketLossPct()).isEqualTo(1.0);
        assertThat(later.nacksSent()).isEqualTo(30);
    }

    @Test
    void simulcastLayersAddToTheVideoBitrateButOnlyTheFirstLayerHasARoundTripTime() {
        SfuReading reading = sample(22, 1_000_000L, video("video", 50, 0, 0, 3, 0, 100, 0, 100_000, 0, 0, 0),
                video("video-sim1", 999, 0, 0, 3, 0, 100, 0, 50_000, 0, 0, 0));

        assertThat(reading.sample().stats().videoSendBitrateBps()).isEqualTo(1_200_000);
        assertThat(reading.sample().stats().rttMs()).isEqualTo(50);
    }

    @Test
    void nothingToSampleWithoutPacketsDataOnlyOrIdsThePipelineRefuses() {
        assertThat(sampler.sample(event(22, 1_000_000L, audio(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), OWNER, RECEIVED_AT))
            .isEmpty();
        assertThat(sampler.sample(event(22, 1_000_000L, new StreamStats("2", "data", 0, 0, 0, 0, 0, 5, 5, 0, 0, 0, 0)),
                OWNER, RECEIVED_AT))
            .isEmpty();
        assertThat(sampler.sample(event(22, 1_000_000L, audio(40, 0, 0, 1, 0, 100, 0, 4_000, 0, 0, 0)),
                new HandleOwner("m 1", "p-1"), RECEIVED_AT))
            .isEmpty();
    }

    @Test
    void withoutJanussTimestampTheSampleIsDatedOnArrival() {
        SfuReading reading = sample(22, 0, audio(40, 0, 0, 1, 0, 100, 0, 4_000, 0, 0, 0));

        assertThat(reading.sample().timestamp()).isEqualTo(RECEIVED_AT);
    }

    private SfuReading sample(long handle, long timestamp, StreamStats... streams) {
        return sampler.sample(event(handle, timestamp, streams), OWNER, RECEIVED_AT).orElseThrow();
    }

    private static JanusEvent event(long handle, long timestamp, StreamStats... streams) {
        return new JanusEvent(JanusEvent.MEDIA, JanusEvent.MEDIA_STATS, timestamp, 11, handle, "parley:m-1:p-1", null,
                List.of(streams));
    }

    private static StreamStats audio(long rtt, long lost, long lostByRemote, long jitterLocal, long jitterRemote,
            long packetsReceived, long packetsSent, long bytesReceivedLastSec, long bytesSentLastSec,
            long nacksReceived, long nacksSent) {
        return new StreamStats("0", "audio", rtt, lost, lostByRemote, jitterLocal, jitterRemote, packetsReceived,
                packetsSent, bytesReceivedLastSec, bytesSentLastSec, nacksReceived, nacksSent);
    }

    private static StreamStats video(String media, long rtt, long lost, long lostByRemote, long jitterLocal,
            long jitterRemote, long packetsReceived, long packetsSent, long bytesReceivedLastSec, long bytesSentLastSec,
            long nacksReceived, long nacksSent) {
        return new StreamStats("1", media, rtt, lost, lostByRemote, jitterLocal, jitterRemote, packetsReceived,
                packetsSent, bytesReceivedLastSec, bytesSentLastSec, nacksReceived, nacksSent);
    }

}
