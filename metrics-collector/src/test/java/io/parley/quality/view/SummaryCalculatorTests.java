package io.parley.quality.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import io.parley.quality.sample.MeetingSeries;
import io.parley.quality.sample.ParticipantSeries;
import io.parley.quality.sample.QualityPoint;
import io.parley.quality.sample.QualityStats;
import org.junit.jupiter.api.Test;

class SummaryCalculatorTests {

    @Test
    void interpolatesPercentilesBetweenTheClosestRanks() {
        double[] oneToHundred = new double[100];
        for (int i = 0; i < 100; i++) {
            oneToHundred[i] = i + 1;
        }

        MetricSummary summary = SummaryCalculator.summarise(oneToHundred);

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.min()).isEqualTo(1);
        assertThat(summary.max()).isEqualTo(100);
        assertThat(summary.mean()).isEqualTo(50.5);
        assertThat(summary.p50()).isCloseTo(50.5, within(1e-9));
        assertThat(summary.p95()).isCloseTo(95.05, within(1e-9));
        assertThat(summary.p99()).isCloseTo(99.01, within(1e-9));
    }

    @Test
    void givesTwentyEqualBinsFromMinimumToMaximumWithTheMaximumInTheLast() {
        List<HistogramBin> bins = SummaryCalculator.histogram(new double[] { 0, 1, 4.99, 5, 99, 100 });

        assertThat(bins).hasSize(20);
        assertThat(bins.get(0)).isEqualTo(new HistogramBin(0, 5, 3));
        assertThat(bins.get(1)).isEqualTo(new HistogramBin(5, 10, 1));
        assertThat(bins.get(19)).isEqualTo(new HistogramBin(95, 100, 2));
        assertThat(bins.stream().mapToLong(HistogramBin::count).sum()).isEqualTo(6);
    }

    @Test
    void keepsTheBinsWideWhenEveryValueIsTheSame() {
        List<HistogramBin> bins = SummaryCalculator.histogram(new double[] { 0, 0, 0 });

        assertThat(bins.get(0)).isEqualTo(new HistogramBin(0, 0.05, 3));
        assertThat(bins.get(19).to()).isEqualTo(1);
    }

    @Test
    void summarisesEveryMetricOverAllParticipantsAndSkipsMissingValues() {
        QualityStats withRtt = new QualityStats(100.0, null, 1.0, null, 1_000.0, null, null, null, null, null, null,
                null, null);
        QualityStats withoutRtt = new QualityStats(null, 5.0, 3.0, null, 3_000.0, null, null, null, null, null, null,
                null, null);
        MeetingSeries series = new MeetingSeries("m-1", 7, 1, 3, List.of(
                new ParticipantSeries("p-1", List.of(new QualityPoint(1, "s", withRtt), new QualityPoint(2, "s",
                        withoutRtt))),
                new ParticipantSeries("p-2", List.of(new QualityPoint(3, "t", withRtt)))));

        MeetingSummary summary = SummaryCalculator.summarise(series);

        assertThat(summary.participants()).isEqualTo(2);
        assertThat(summary.samples()).isEqualTo(7);
        assertThat(summary.retainedSamples()).isEqualTo(3);
        assertThat(summary.metrics()).containsOnlyKeys("sendBitrateBps", "recvBitrateBps", "videoSendBitrateBps",
                "videoRecvBitrateBps", "rttMs", "jitterMs", "sendPacketLossPct", "recvPacketLossPct");
        assertThat(summary.metrics().get("rttMs").count()).isEqualTo(2);
        assertThat(summary.metrics().get("jitterMs").count()).isEqualTo(1);
        assertThat(summary.metrics().get("sendBitrateBps").p50()).isEqualTo(1_000);
        assertThat(summary.metrics().get("sendPacketLossPct").max()).isEqualTo(3);
        MetricSummary none = summary.metrics().get("recvBitrateBps");
        assertThat(none.count()).isZero();
        assertThat(none.p50()).isNull();
        assertThat(none.histogram()).isEmpty();
    }
}
