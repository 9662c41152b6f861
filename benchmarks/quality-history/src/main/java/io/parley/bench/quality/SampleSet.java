package io.parley.bench.quality;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The N samples of a run, the same for the collector and the floor: {@code meetings} meetings of four participants,
 * each participant measuring every 2 s as the web client does, all within the last hour (so inside today's or
 * yesterday's partition, never an expired one). Sample {@code i} is a pure function of {@code i}, so the Kafka
 * records and the COPY rows hold the same values.
 */
final class SampleSet {

    private static final int PARTICIPANTS = 4;
    private static final long INTERVAL_MS = 2_000;

    private final int size;
    private final int meetings;
    private final long firstTimestamp;

    SampleSet(int size, int meetings, Instant now) {
        this.size = size;
        this.meetings = meetings;
        long perParticipant = (size + (long) meetings * PARTICIPANTS - 1) / ((long) meetings * PARTICIPANTS);
        this.firstTimestamp = now.toEpochMilli() - perParticipant * INTERVAL_MS - 60_000;
    }

    int size() {
        return size;
    }

    String meetingId(int i) {
        return "m-bench-" + (i % meetings);
    }

    private String participantId(int i) {
        return "p-" + (i / meetings) % PARTICIPANTS;
    }

    private long timestamp(int i) {
        return firstTimestamp + (i / ((long) meetings * PARTICIPANTS)) * INTERVAL_MS;
    }

    /** As QualitySample.eventId(): a name-based UUID of meeting, participant, session and timestamp. */
    String eventId(int i) {
        String identity = meetingId(i) + '/' + participantId(i) + '/' + session(i) + '/' + timestamp(i);
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String session(int i) {
        return "s-" + participantId(i);
    }

    /** The days the samples fall on, for the floor's partitions. */
    TreeSet<LocalDate> days() {
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.ofInstant(Instant.ofEpochMilli(timestamp(0)), ZoneOffset.UTC));
        days.add(LocalDate.ofInstant(Instant.ofEpochMilli(timestamp(size - 1)), ZoneOffset.UTC));
        return days;
    }

    /** The sample as the beacon endpoint publishes it (QualitySample's JSON: nulls left out, format in lower case). */
    Map<String, Object> sample(int i) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("rttMs", rtt(i));
        stats.put("jitterMs", 2.0 + i % 7);
        stats.put("sendPacketLossPct", (i % 11) / 10.0);
        stats.put("recvPacketLossPct", (i % 13) / 10.0);
        stats.put("sendBitrateBps", 800_000.0 + i % 1000);
        stats.put("recvBitrateBps", 1_230_000.0 + i % 1000);
        stats.put("audioSendBitrateBps", 32_000.0);
        stats.put("audioRecvBitrateBps", 30_000.0);
        stats.put("videoSendBitrateBps", 768_000.0 + i % 1000);
        stats.put("videoRecvBitrateBps", 1_200_000.0 + i % 1000);
        stats.put("framesPerSecond", 30.0);
        stats.put("frameWidth", 1280);
        stats.put("frameHeight", 720);
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("meetingId", meetingId(i));
        sample.put("participantId", participantId(i));
        sample.put("sessionId", session(i));
        sample.put("timestamp", timestamp(i));
        sample.put("receivedAt", timestamp(i) + 40);
        sample.put("format", "parley");
        sample.put("stats", stats);
        return sample;
    }

    /** The row the collector stores for sample {@code i}, as CSV in quality_sample's column order. */
    String csvRow(int i) {
        return String.join(",", meetingId(i), Instant.ofEpochMilli(timestamp(i)).toString(), eventId(i),
                participantId(i), session(i), Instant.ofEpochMilli(timestamp(i) + 40).toString(), "parley", "",
                num(rtt(i)), num(2.0 + i % 7), num((i % 11) / 10.0), num((i % 13) / 10.0), num(800_000.0 + i % 1000),
                num(1_230_000.0 + i % 1000), num(32_000.0), num(30_000.0), num(768_000.0 + i % 1000),
                num(1_200_000.0 + i % 1000), num(30.0), "1280", "720") + "\n";
    }

    private static double rtt(int i) {
        return 20.0 + (i % 97);
    }

    private static String num(double value) {
        return Double.toString(value);
    }
}
