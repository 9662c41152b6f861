package io.parley.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.parley.faults.Meetings.Participant;

/**
 * A browser's quality beacons, one every {@link #INTERVAL}, each a sample of its own
 * (session and measuring time): the ones answered 204 are what the collector promised to
 * keep, and each must end up exactly once in its PostgreSQL history.
 */
final class BeaconLoad implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(100);

    private final Participant participant;

    private final String collectorUrl;

    private final Responses responses;

    private final String sessionId = "fault-" + System.nanoTime();

    /** Measuring times (epoch ms) of the samples answered 204. */
    final Set<Long> accepted = ConcurrentHashMap.newKeySet();

    private final Thread thread;

    private volatile boolean running = true;

    private long lastTimestamp;

    BeaconLoad(Participant participant, String collectorUrl, Responses responses) {
        this.participant = participant;
        this.collectorUrl = collectorUrl;
        this.responses = responses;
        this.thread = new Thread(this::run, "beacons");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            long timestamp = Math.max(System.currentTimeMillis(), lastTimestamp + 1);
            lastTimestamp = timestamp;
            String beacon = "{\"meetingId\":\"" + participant.meetingId() + "\",\"participantId\":\""
                    + participant.participantId() + "\",\"sessionId\":\"" + sessionId + "\",\"timestamp\":" + timestamp
                    + ",\"stats\":{\"rttMs\":42.5,\"jitterMs\":3.1}}";
            Http.Reply reply = Http.send("POST", collectorUrl + "/api/quality/beacons", participant.token(), beacon);
            responses.record("metrics-collector", reply);
            if (reply.status() == 204) {
                accepted.add(timestamp);
            }
            Pause.of(INTERVAL);
        }
    }

    /** Stops sending and waits for the request in flight. */
    void stop() {
        running = false;
        try {
            thread.join(10_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many rows the history holds for each measuring time of this load's session. */
    Map<Long, Integer> stored(String jdbcUrl, String user) {
        Map<Long, Integer> rows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                PreparedStatement query = connection.prepareStatement(
                        "select (extract(epoch from measured_at) * 1000)::bigint, count(*) from quality_sample "
                                + "where meeting_id = ? and session_id = ? group by measured_at")) {
            query.setString(1, participant.meetingId());
            query.setString(2, sessionId);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getLong(1), result.getInt(2));
                }
            }
        }
        catch (SQLException ex) {
            // not reachable right now (PostgreSQL is being restarted): nothing counted
            // yet
        }
        return rows;
    }

    @Override
    public void close() {
        stop();
    }

}
