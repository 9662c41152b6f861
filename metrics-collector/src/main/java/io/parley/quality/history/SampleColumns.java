package io.parley.quality.history;

import java.time.Instant;

import io.parley.quality.sample.QualityMetric;
import io.parley.quality.sample.QualityStats;
import io.r2dbc.spi.Readable;

/**
 * The measurement columns of {@code quality_sample} and how a row becomes
 * {@link QualityStats} again.
 */
final class SampleColumns {

    /** Every measurement column, in the order of {@link QualityStats}'s components. */
    static final String STATS = "rtt_ms, jitter_ms, send_loss_pct, recv_loss_pct, send_bitrate_bps, "
            + "recv_bitrate_bps, audio_send_bitrate_bps, audio_recv_bitrate_bps, video_send_bitrate_bps, "
            + "video_recv_bitrate_bps, frames_per_second, frame_width, frame_height";

    private SampleColumns() {
    }

    static QualityStats stats(Readable row) {
        return new QualityStats(row.get("rtt_ms", Double.class), row.get("jitter_ms", Double.class),
                row.get("send_loss_pct", Double.class), row.get("recv_loss_pct", Double.class),
                row.get("send_bitrate_bps", Double.class), row.get("recv_bitrate_bps", Double.class),
                row.get("audio_send_bitrate_bps", Double.class), row.get("audio_recv_bitrate_bps", Double.class),
                row.get("video_send_bitrate_bps", Double.class), row.get("video_recv_bitrate_bps", Double.class),
                row.get("frames_per_second", Double.class), row.get("frame_width", Integer.class),
                row.get("frame_height", Integer.class));
    }

    static long millis(Readable row, String column) {
        Instant instant = row.get(column, Instant.class);
        return instant == null ? 0 : instant.toEpochMilli();
    }

    /** The column a summarised metric is kept in. */
    static String column(QualityMetric metric) {
        return switch (metric) {
            case SEND_BITRATE -> "send_bitrate_bps";
            case RECV_BITRATE -> "recv_bitrate_bps";
            case VIDEO_SEND_BITRATE -> "video_send_bitrate_bps";
            case VIDEO_RECV_BITRATE -> "video_recv_bitrate_bps";
            case RTT -> "rtt_ms";
            case JITTER -> "jitter_ms";
            case SEND_PACKET_LOSS -> "send_loss_pct";
            case RECV_PACKET_LOSS -> "recv_loss_pct";
        };
    }

}
