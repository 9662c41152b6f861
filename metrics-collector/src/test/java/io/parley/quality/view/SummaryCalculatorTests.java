package io.parley.quality.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.parley.quality.history.MeetingTotals;
import io.parley.quality.history.MetricAggregate;
import org.junit.jupiter.api.Test;

class SummaryCalculatorTests {

    private static final MeetingTotals TOTALS = new MeetingTotals(7, 2, 1_000, 3_000);

    private static long[] counts(long... leading) {
        long[] counts = new long[MetricAggregate.BINS];
        System.arraycopy(leading, 0, counts, 0, leading.length);
        return counts;
    }

    @Test
    void givesTwentyEqualBinsFromMinimumToMaximumEndingExactlyAtTheMaximum() {
        List<HistogramBin> bins = SummaryCalculator.histogram(0, 100, counts(3, 1));

        assertThat(bins).hasSize(20);
        assertThat(bins.get(0)).isEqualTo(new HistogramBin(0, 5, 3));
        assertThat(bins.get(1)).isEqualTo(new HistogramBin(5, 10, 1));
        assertThat(bins.get(19)).isEqualTo(new HistogramBin(95, 100, 0));
    }

    @Test
    void keepsTheBinsWideWhenEveryValueIsTheSame() {
        List<HistogramBin> bins = SummaryCalculator.histogram(7, 7, counts(3));

        assertThat(bins.get(0)).isEqualTo(new HistogramBin(7, 7.05, 3));
        assertThat(bins.get(19).to()).isEqualTo(8);
    }

    @Test
    void listsEveryMetricInTheCatalogueOrderAndMarksTheUnmeasuredOnesEmpty() {
        MetricAggregate rtt = new MetricAggregate("rttMs", 2, 10, 100, 55, 55, 95.5, 99.1, counts(1));

        MeetingSummary summary = SummaryCalculator.summarise("m-1", TOTALS, List.of(rtt), List.of());

        assertThat(summary.metrics()).containsOnlyKeys("sendBitrateBps", "recvBitrateBps", "videoSendBitrateBps",
                "videoRecvBitrateBps", "rttMs", "jitterMs", "sendPacketLossPct", "recvPacketLossPct");
        assertThat(summary.metrics().keySet()).startsWith("sendBitrateBps", "recvBitrateBps");
        MetricSummary measured = summary.metrics().get("rttMs");
        assertThat(measured.count()).isEqualTo(2);
        assertThat(measured.p95()).isEqualTo(95.5);
        assertThat(measured.histogram()).hasSize(20);
        MetricSummary none = summary.metrics().get("jitterMs");
        assertThat(none.count()).isZero();
        assertThat(none.p50()).isNull();
        assertThat(none.histogram()).isEmpty();
    }

    @Test
    void summarisesTheSfusSamplesApartFromTheBrowsers() {
        MetricAggregate browserRtt = new MetricAggregate("rttMs", 2, 10, 100, 55, 55, 95.5, 99.1, counts(1));
        MetricAggregate sfuRtt = new MetricAggregate("rttMs", 3, 20, 40, 30, 30, 39, 40, counts(2));

        MeetingSummary summary = SummaryCalculator.summarise("m-1", TOTALS, List.of(browserRtt), List.of(sfuRtt));

        assertThat(summary.metrics().get("rttMs").count()).isEqualTo(2);
        assertThat(summary.sfuMetrics().get("rttMs").count()).isEqualTo(3);
        assertThat(summary.sfuMetrics().get("rttMs").p50()).isEqualTo(30);
        assertThat(summary.sfuMetrics()).containsOnlyKeys(summary.metrics().keySet());
        assertThat(summary.sfuMetrics().get("jitterMs").count()).isZero();
    }

    @Test
    void carriesTheMeetingsTotals() {
        MeetingSummary summary = SummaryCalculator.summarise("m-1", TOTALS, List.of(), List.of());

        assertThat(summary.participants()).isEqualTo(2);
        assertThat(summary.samples()).isEqualTo(7);
        assertThat(summary.retainedSamples()).isEqualTo(7);
        assertThat(summary.firstTimestamp()).isEqualTo(1_000);
        assertThat(summary.lastTimestamp()).isEqualTo(3_000);
    }

}
