package io.parley.meeting.recording;

import java.time.Instant;
import java.util.List;

import io.parley.events.EventType;
import io.parley.events.MediaServers;
import io.parley.meeting.meeting.Meeting;
import io.parley.meeting.meeting.MeetingStore;
import io.parley.meeting.meeting.MeetingStore.Outcome;
import io.parley.support.redis.LuaScript;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recordings in Redis: the meeting hash holds the one under way ({@code recordingId},
 * {@code recordingStartedAt}, {@code recordingMaxSeconds}, {@code recordingBy}), changed
 * by scripts that also append the event; {@code meetings:recording-deadlines} (sorted
 * set, score = when the maximum length is reached, epoch ms) is what every instance
 * polls.
 */
@Component
public class RecordingStore {

    static final String DEADLINES = "meetings:recording-deadlines";

    private static final LuaScript START = MeetingStore.changing("recording-start");

    private static final LuaScript STOP = MeetingStore.changing("recording-stop");

    private final MeetingStore meetings;

    private final ReactiveStringRedisTemplate redis;

    private final JsonMapper json;

    public RecordingStore(MeetingStore meetings, ReactiveStringRedisTemplate redis, JsonMapper json) {
        this.meetings = meetings;
        this.redis = redis;
        this.json = json;
    }

    Mono<Outcome> start(String meetingId, Meeting.Recording recording, Object eventData) {
        return meetings.run(START, meetingId,
                List.of(recording.id(), recording.startedAt().toString(), String.valueOf(recording.maxSeconds()),
                        recording.by(), EventType.RECORDING_STARTED.ceType(), json.writeValueAsString(eventData)));
    }

    /**
     * @param recordingId the recording to stop, or null for whichever is under way
     */
    Mono<Outcome> stop(String meetingId, Instant stoppedAt, String reason, String recordingId) {
        return meetings.run(STOP, meetingId, List.of(EventType.RECORDING_STOPPED.ceType(), meetingId,
                stoppedAt.toString(), reason, recordingId == null ? "" : recordingId));
    }

    /** Whether signaling vouches for a Janus instance ({@link MediaServers}). */
    Mono<Boolean> mediaServerAvailable() {
        return redis.hasKey(MediaServers.AVAILABLE_KEY);
    }

    /** The host who started the meeting's recording; empty when none runs. */
    public Mono<String> recordingHost(String meetingId) {
        return redis.<String, String>opsForHash().get(MeetingStore.meetingKey(meetingId), "recordingBy");
    }

    Mono<Void> addDeadline(DeadlineEntry entry, Instant deadline) {
        return redis.opsForZSet().add(DEADLINES, entry.member(), deadline.toEpochMilli()).then();
    }

    /** Entries whose deadline has passed, earliest first. */
    Flux<String> due(Instant now, int limit) {
        return redis.opsForZSet()
            .rangeByScore(DEADLINES, Range.closed(0d, (double) now.toEpochMilli()), Limit.limit().count(limit));
    }

    Mono<Void> removeDeadline(String member) {
        return redis.opsForZSet().remove(DEADLINES, member).then();
    }

}
