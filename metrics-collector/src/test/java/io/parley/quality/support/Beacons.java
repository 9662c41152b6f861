package io.parley.quality.support;

import java.time.Instant;

/** Beacon bodies as browsers send them. */
public final class Beacons {

    private Beacons() {
    }

    public static String parley(String meetingId, String participantId, String sessionId, long timestamp,
            String stats) {
        return """
                {"meetingId":"%s","participantId":"%s","sessionId":"%s","timestamp":%d,"stats":%s}"""
            .formatted(meetingId, participantId, sessionId, timestamp, stats);
    }

    /** A typical sample measured now, with the given round-trip time. */
    public static String parley(String meetingId, String participantId, double rttMs) {
        return parley(meetingId, participantId, "s-" + participantId, Instant.now().toEpochMilli(), """
                {"rttMs":%s,"jitterMs":4,"packetLossPct":{"send":0.5,"recv":1},
                 "bitrateBps":{"send":{"audio":32000,"video":768000},"recv":{"audio":30000,"video":1200000}},
                 "framesPerSecond":30,"frameWidth":1280,"frameHeight":720}""".formatted(rttMs));
    }

    public static String daily(String room, String sessionId, long timestamp) {
        return """
                {"room":"%s","meetingSessionId":"ms-1","sessionId":"%s",
                 "stats":{"latest":{"timestamp":%d,"sendBitsPerSecond":900000,"recvBitsPerSecond":1200000,
                   "videoSendBitsPerSecond":850000,"videoRecvBitsPerSecond":1100000,
                   "videoSendPacketLoss":0.01,"videoRecvPacketLoss":0.02},
                  "worstVideoRecvPacketLoss":0.05,"worstVideoSendPacketLoss":0.01},
                 "threshold":"good","quality":98}""".formatted(room, sessionId, timestamp);
    }

}
