package io.parley.quality.beacon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.parley.quality.beacon.InvalidBeaconException.Violation;
import io.parley.quality.sample.BeaconFormat;
import io.parley.quality.sample.QualitySample;
import io.parley.quality.sample.QualityStats;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a beacon body in either format (PLATFORM.md §4.2) into one {@link QualitySample},
 * or says everything that is wrong with it. Reading the JSON tree by hand, rather than
 * binding it to a class, is what lets every violation name its field and keeps a string
 * where a number belongs from becoming a 500. Unknown fields are ignored, so clients may
 * send more than the collector keeps.
 */
public final class BeaconParser {

    /**
     * Ids become parts of Redis keys and metric-free log lines: short, and free of
     * separators and spaces.
     */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    static final double MAX_MILLIS = 60_000;
    static final double MAX_BITRATE_BPS = 10_000_000_000d;
    static final double MAX_PERCENT = 100;
    static final double MAX_FRAMES_PER_SECOND = 1_000;
    static final int MAX_FRAME_EDGE = 16_384;

    /**
     * Below this a Daily timestamp is read as seconds: as milliseconds it would lie in
     * 1973.
     */
    static final double SECONDS_BELOW = 1e11;

    private final JsonMapper json;

    private final Duration maxClockSkew;

    private final Duration maxSampleAge;

    public BeaconParser(JsonMapper json, Duration maxClockSkew, Duration maxSampleAge) {
        this.json = json;
        this.maxClockSkew = maxClockSkew;
        this.maxSampleAge = maxSampleAge;
    }

    public QualitySample parse(byte[] body, Instant receivedAt) {
        JsonNode root;
        try {
            root = json.readTree(body);
        }
        catch (JacksonException ex) {
            throw InvalidBeaconException.malformed("is not valid JSON: " + ex.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw InvalidBeaconException.malformed("is empty; a beacon is a JSON object");
        }
        if (!root.isObject()) {
            throw InvalidBeaconException.malformed("must be a JSON object");
        }
        Fields fields = new Fields();
        QualitySample sample;
        if (root.has("meetingId")) {
            sample = parley(root, fields, receivedAt);
        }
        else if (root.has("room")) {
            sample = daily(root, fields, receivedAt);
        }
        else {
            throw InvalidBeaconException
                .malformed("is neither a Parley beacon (with meetingId) nor a Daily-style beacon (with room)");
        }
        if (!fields.violations.isEmpty()) {
            throw new InvalidBeaconException(Rejection.INVALID, fields.violations);
        }
        checkTimestamp(sample, receivedAt);
        return sample;
    }

    private static QualitySample parley(JsonNode root, Fields fields, Instant receivedAt) {
        String meetingId = fields.id(root, "meetingId", true);
        String participantId = fields.id(root, "participantId", true);
        String sessionId = fields.id(root, "sessionId", true);
        Double timestamp = fields.number(root, "timestamp", "timestamp", Double.MAX_VALUE, true);
        JsonNode stats = fields.object(root, "stats", "stats", true);
        QualityStats measured = null;
        if (stats != null) {
            JsonNode loss = fields.object(stats, "packetLossPct", "stats.packetLossPct", false);
            JsonNode bitrate = fields.object(stats, "bitrateBps", "stats.bitrateBps", false);
            Bitrates send = fields.bitrates(bitrate, "send", "stats.bitrateBps.send");
            Bitrates recv = fields.bitrates(bitrate, "recv", "stats.bitrateBps.recv");
            measured = new QualityStats(fields.number(stats, "rttMs", "stats.rttMs", MAX_MILLIS, false),
                    fields.number(stats, "jitterMs", "stats.jitterMs", MAX_MILLIS, false),
                    fields.number(loss, "send", "stats.packetLossPct.send", MAX_PERCENT, false),
                    fields.number(loss, "recv", "stats.packetLossPct.recv", MAX_PERCENT, false), send.total(),
                    recv.total(), send.audio(), recv.audio(), send.video(), recv.video(),
                    fields.number(stats, "framesPerSecond", "stats.framesPerSecond", MAX_FRAMES_PER_SECOND, false),
                    fields.integer(stats, "frameWidth", "stats.frameWidth", MAX_FRAME_EDGE),
                    fields.integer(stats, "frameHeight", "stats.frameHeight", MAX_FRAME_EDGE));
            fields.requireMeasurement(measured, "stats");
        }
        return new QualitySample(meetingId, participantId, sessionId, timestamp == null ? 0 : Math.round(timestamp),
                receivedAt.toEpochMilli(), BeaconFormat.PARLEY, null, measured);
    }

    /**
     * Daily's {@code getNetworkStats()} shape: the room is the meeting, Daily's
     * per-participant session id stands for both participant and session, packet loss
     * comes as a fraction of 1 and round-trip time in seconds.
     */
    private static QualitySample daily(JsonNode root, Fields fields, Instant receivedAt) {
        String room = fields.id(root, "room", true);
        String sessionId = fields.id(root, "sessionId", true);
        String meetingSessionId = fields.id(root, "meetingSessionId", false);
        JsonNode stats = fields.object(root, "stats", "stats", true);
        JsonNode latest = stats == null ? null : fields.object(stats, "latest", "stats.latest", true);
        Double timestamp = null;
        QualityStats measured = null;
        if (latest != null) {
            timestamp = fields.number(latest, "timestamp", "stats.latest.timestamp", Double.MAX_VALUE, true);
            if (timestamp != null && timestamp < SECONDS_BELOW) {
                timestamp = timestamp * 1000;
            }
            String at = "stats.latest.";
            Double sendLoss = firstPresent(
                    fields.number(latest, "totalSendPacketLoss", at + "totalSendPacketLoss", 1, false),
                    fields.number(latest, "videoSendPacketLoss", at + "videoSendPacketLoss", 1, false));
            Double recvLoss = firstPresent(
                    fields.number(latest, "totalRecvPacketLoss", at + "totalRecvPacketLoss", 1, false),
                    fields.number(latest, "videoRecvPacketLoss", at + "videoRecvPacketLoss", 1, false));
            Double rttSeconds = fields.number(latest, "networkRoundTripTime", at + "networkRoundTripTime",
                    MAX_MILLIS / 1000, false);
            measured = new QualityStats(rttSeconds == null ? null : rttSeconds * 1000, null,
                    sendLoss == null ? null : sendLoss * 100, recvLoss == null ? null : recvLoss * 100,
                    fields.number(latest, "sendBitsPerSecond", at + "sendBitsPerSecond", MAX_BITRATE_BPS, false),
                    fields.number(latest, "recvBitsPerSecond", at + "recvBitsPerSecond", MAX_BITRATE_BPS, false),
                    fields.number(latest, "audioSendBitsPerSecond", at + "audioSendBitsPerSecond", MAX_BITRATE_BPS,
                            false),
                    fields.number(latest, "audioRecvBitsPerSecond", at + "audioRecvBitsPerSecond", MAX_BITRATE_BPS,
                            false),
                    fields.number(latest, "videoSendBitsPerSecond", at + "videoSendBitsPerSecond", MAX_BITRATE_BPS,
                            false),
                    fields.number(latest, "videoRecvBitsPerSecond", at + "videoRecvBitsPerSecond", MAX_BITRATE_BPS,
                            false),
                    null, null, null);
            fields.requireMeasurement(measured, "stats.latest");
        }
        return new QualitySample(room, sessionId, sessionId, timestamp == null ? 0 : Math.round(timestamp),
                receivedAt.toEpochMilli(), BeaconFormat.DAILY, meetingSessionId, measured);
    }

    private void checkTimestamp(QualitySample sample, Instant receivedAt) {
        Instant measured = Instant.ofEpochMilli(sample.timestamp());
        String field = sample.format() == BeaconFormat.DAILY ? "stats.latest.timestamp" : "timestamp";
        String message = null;
        if (measured.isAfter(receivedAt.plus(maxClockSkew))) {
            message = "lies more than " + maxClockSkew.toSeconds() + " s in the future (epoch milliseconds expected)";
        }
        else if (measured.isBefore(receivedAt.minus(maxSampleAge))) {
            message = "is more than " + maxSampleAge.toSeconds() + " s old (epoch milliseconds expected)";
        }
        if (message != null) {
            throw new InvalidBeaconException(Rejection.TIMESTAMP, List.of(new Violation(field, message)));
        }
    }

    private static Double firstPresent(Double preferred, Double fallback) {
        return preferred != null ? preferred : fallback;
    }

    record Bitrates(Double audio, Double video, Double total) {

        static final Bitrates NONE = new Bitrates(null, null, null);

    }

    /**
     * Reads fields and collects what is wrong with them instead of stopping at the first
     * problem.
     */
    private static final class Fields {

        final List<Violation> violations = new ArrayList<>();

        String id(JsonNode parent, String name, boolean required) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    violations.add(new Violation(name, "is required"));
                }
                return null;
            }
            if (!node.isString()) {
                violations.add(new Violation(name, "must be a string"));
                return null;
            }
            String value = node.stringValue();
            if (!ID.matcher(value).matches()) {
                violations.add(new Violation(name, "must be 1 to 128 letters, digits or . _ : @ -"));
                return null;
            }
            return value;
        }

        JsonNode object(JsonNode parent, String name, String path, boolean required) {
            JsonNode node = parent == null ? null : parent.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    violations.add(new Violation(path, "is required"));
                }
                return null;
            }
            if (!node.isObject()) {
                violations.add(new Violation(path, "must be an object"));
                return null;
            }
            return node;
        }

        /**
         * A finite, non-negative number up to {@code max}; absent (or null) is fine
         * unless required.
         */
        Double number(JsonNode parent, String name, String path, double max, boolean required) {
            JsonNode node = parent == null ? null : parent.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    violations.add(new Violation(path, "is required"));
                }
                return null;
            }
            if (!node.isNumber()) {
                violations.add(new Violation(path, "must be a number"));
                return null;
            }
            double value = node.doubleValue();
            if (!Double.isFinite(value)) {
                violations.add(new Violation(path, "must be a finite number"));
                return null;
            }
            if (value < 0) {
                violations.add(new Violation(path, "must not be negative"));
                return null;
            }
            if (value > max) {
                violations.add(new Violation(path, "must be at most " + format(max)));
                return null;
            }
            return value;
        }

        Integer integer(JsonNode parent, String name, String path, int max) {
            Double value = number(parent, name, path, max, false);
            if (value == null) {
                return null;
            }
            if (value != Math.rint(value)) {
                violations.add(new Violation(path, "must be a whole number"));
                return null;
            }
            return value.intValue();
        }

        /**
         * A direction of {@code bitrateBps}: a number (the total) or {@code {audio,
         * video, total}}.
         */
        Bitrates bitrates(JsonNode bitrate, String name, String path) {
            JsonNode node = bitrate == null ? null : bitrate.get(name);
            if (node == null || node.isNull()) {
                return Bitrates.NONE;
            }
            if (node.isNumber()) {
                return new Bitrates(null, null, number(bitrate, name, path, MAX_BITRATE_BPS, false));
            }
            if (!node.isObject()) {
                violations.add(new Violation(path, "must be a number or an object with audio, video and total"));
                return Bitrates.NONE;
            }
            Double audio = number(node, "audio", path + ".audio", MAX_BITRATE_BPS, false);
            Double video = number(node, "video", path + ".video", MAX_BITRATE_BPS, false);
            Double total = number(node, "total", path + ".total", MAX_BITRATE_BPS, false);
            if (total == null && (audio != null || video != null)) {
                total = (audio == null ? 0 : audio) + (video == null ? 0 : video);
            }
            return new Bitrates(audio, video, total);
        }

        void requireMeasurement(QualityStats stats, String path) {
            if (stats.isEmpty() && violations.isEmpty()) {
                violations.add(new Violation(path, "holds no measurement the collector knows"));
            }
        }

        private static String format(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }

    }

}
