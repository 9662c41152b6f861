package io.parley.quality.sample;

import java.util.function.Function;

/**
 * The metrics the per-meeting views chart and summarise, by the name they carry in JSON.
 */
public enum QualityMetric {

    SEND_BITRATE("sendBitrateBps", QualityStats::sendBitrateBps),
    RECV_BITRATE("recvBitrateBps", QualityStats::recvBitrateBps),
    VIDEO_SEND_BITRATE("videoSendBitrateBps", QualityStats::videoSendBitrateBps),
    VIDEO_RECV_BITRATE("videoRecvBitrateBps", QualityStats::videoRecvBitrateBps), RTT("rttMs", QualityStats::rttMs),
    JITTER("jitterMs", QualityStats::jitterMs), SEND_PACKET_LOSS("sendPacketLossPct", QualityStats::sendPacketLossPct),
    RECV_PACKET_LOSS("recvPacketLossPct", QualityStats::recvPacketLossPct);

    private final String jsonName;

    private final Function<QualityStats, Double> value;

    QualityMetric(String jsonName, Function<QualityStats, Double> value) {
        this.jsonName = jsonName;
        this.value = value;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The value in the given stats, or null when the sample did not measure it. */
    public Double valueIn(QualityStats stats) {
        return value.apply(stats);
    }

}
