package io.parley.quality.sfu;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.parley.events.MediaServers.HandleOwner;
import io.parley.quality.beacon.BeaconParser;
import io.parley.quality.sample.BeaconFormat;
import io.parley.quality.sample.QualitySample;
import io.parley.quality.sample.QualityStats;

/**
 * Turns one handle's media statistics into a sample of its participant, in the
 * participant's terms so that it lines up with what their browser reports: {@code send}
 * is what Janus receives from them, {@code recv} what Janus sends them. A direction
 * appears only when the handle carried media that way (a publisher handle only sends, a
 * subscriber handle only receives).
 * <ul>
 * <li>bitrates: Janus's bytes of the last second, times eight, summed over the streams
 * (simulcast layers included);</li>
 * <li>round-trip time: the worst of the streams' RTCP round-trip times;</li>
 * <li>jitter: the worst jitter Janus measured on what it receives, or for a handle that
 * only sends, the worst the participant reported back;</li>
 * <li>packet loss over the period since the handle's previous statistics (since the
 * stream started for the first): {@code lost} against the packets received for
 * {@code send}, {@code lost-by-remote} against the packets sent for {@code recv};</li>
 * <li>NACKs over the same period, which have no place in a sample and go to the
 * metrics.</li>
 * </ul>
 * The previous counters are kept per stream for a bounded number of streams and dropped
 * when a stream has not reported for a while.
 */
public final class SfuSampler {

    private final Cache<StreamKey, JanusEvent.StreamStats> previous;

    public SfuSampler(int maxStreams, Duration idle, Ticker ticker) {
        this.previous = Caffeine.newBuilder()
            .maximumSize(maxStreams)
            .expireAfterAccess(idle)
            .ticker(ticker)
            .executor(Runnable::run)
            .build();
    }

    /**
     * The sample, or empty when the owner's ids are not ones the pipeline takes or the
     * handle measured nothing yet (no audio or video, no packets).
     */
    public Optional<SfuReading> sample(JanusEvent event, HandleOwner owner, long receivedAt) {
        if (!isId(owner.meetingId()) || !isId(owner.participantId())) {
            return Optional.empty();
        }
        Totals totals = new Totals();
        for (JanusEvent.StreamStats stream : event.streams()) {
            if (stream.isAudio() || stream.isVideo()) {
                StreamKey key = new StreamKey(event.sessionId(), event.handleId(), stream.mid(), stream.media());
                JanusEvent.StreamStats before = previous.getIfPresent(key);
                previous.put(key, stream);
                totals.add(stream, before);
            }
        }
        QualityStats stats = totals.stats();
        if (stats.isEmpty()) {
            return Optional.empty();
        }
        long timestamp = event.timestamp() > 0 ? event.timestamp() / 1_000 : receivedAt;
        QualitySample sample = new QualitySample(owner.meetingId(), owner.participantId(),
                "janus-" + event.sessionId() + "-" + event.handleId(), timestamp, receivedAt, BeaconFormat.SFU, null,
                stats);
        return Optional.of(new SfuReading(sample, totals.nacksReceived, totals.nacksSent));
    }

    private static boolean isId(String value) {
        return value != null && BeaconParser.ID.matcher(value).matches();
    }

    /**
     * A sample and the NACKs of the period.
     *
     * @param nacksReceived NACKs the participant sent Janus: packets lost on their
     * downlink
     * @param nacksSent NACKs Janus sent the participant: packets lost on their uplink
     */
    public record SfuReading(QualitySample sample, long nacksReceived, long nacksSent) {
    }

    private record StreamKey(long session, long handle, String mid, String media) {
    }

    private static final class Totals {

        private boolean sends;

        private boolean receives;

        private long audioSendBytes;

        private long audioRecvBytes;

        private long videoSendBytes;

        private long videoRecvBytes;

        private long rtt;

        private long jitterLocal;

        private long jitterRemote;

        private long lost;

        private long received;

        private long lostByRemote;

        private long sent;

        private long nacksReceived;

        private long nacksSent;

        void add(JanusEvent.StreamStats now, JanusEvent.StreamStats before) {
            sends |= now.packetsReceived() > 0;
            receives |= now.packetsSent() > 0;
            if (now.isAudio()) {
                audioSendBytes += now.bytesReceivedLastSec();
                audioRecvBytes += now.bytesSentLastSec();
            }
            else {
                videoSendBytes += now.bytesReceivedLastSec();
                videoRecvBytes += now.bytesSentLastSec();
            }
            if (now.isFirstLayer()) {
                rtt = Math.max(rtt, now.rttMs());
            }
            if (now.packetsReceived() > 0) {
                jitterLocal = Math.max(jitterLocal, now.jitterLocalMs());
            }
            if (now.packetsSent() > 0) {
                jitterRemote = Math.max(jitterRemote, now.jitterRemoteMs());
            }
            lost += since(now.lost(), before == null ? 0 : before.lost());
            received += since(now.packetsReceived(), before == null ? 0 : before.packetsReceived());
            lostByRemote += since(now.lostByRemote(), before == null ? 0 : before.lostByRemote());
            sent += since(now.packetsSent(), before == null ? 0 : before.packetsSent());
            nacksReceived += since(now.nacksReceived(), before == null ? 0 : before.nacksReceived());
            nacksSent += since(now.nacksSent(), before == null ? 0 : before.nacksSent());
        }

        /** A counter that went down belongs to a stream that started again. */
        private static long since(long now, long before) {
            return now >= before ? now - before : now;
        }

        QualityStats stats() {
            Double rttMs = rtt > 0 ? Double.valueOf(rtt) : null;
            Double jitterMs = null;
            if (sends) {
                jitterMs = Double.valueOf(jitterLocal);
            }
            else if (receives) {
                jitterMs = Double.valueOf(jitterRemote);
            }
            Double sendLoss = sends && lost + received > 0 ? 100.0 * lost / (lost + received) : null;
            Double recvLoss = receives && sent > 0 ? Math.min(100.0, 100.0 * lostByRemote / sent) : null;
            return new QualityStats(rttMs, jitterMs, sendLoss, recvLoss,
                    sends ? bits(audioSendBytes + videoSendBytes) : null,
                    receives ? bits(audioRecvBytes + videoRecvBytes) : null, sends ? bits(audioSendBytes) : null,
                    receives ? bits(audioRecvBytes) : null, sends ? bits(videoSendBytes) : null,
                    receives ? bits(videoRecvBytes) : null, null, null, null);
        }

        private static Double bits(long bytesPerSecond) {
            return bytesPerSecond * 8.0;
        }

    }

}
