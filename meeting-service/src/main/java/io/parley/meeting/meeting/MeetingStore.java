package io.parley.meeting.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.ScriptOutputType;
import io.parley.events.EventType;
import io.parley.meeting.MeetingProperties;
import io.parley.meeting.meeting.Meeting.Timer;
import io.parley.meeting.person.MeetingAccess;
import io.parley.support.redis.LuaScript;
import io.parley.support.redis.RedisScripts;
import io.parley.support.redis.ScriptSources;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meetings in Redis. Every key of a meeting carries the hash tag {@code {m:<id>}} so the
 * scripts that change several of them at once also run on Redis Cluster: <pre>
 * meeting:{m:ID}               hash: title, slug, state, maxParticipants, media, createdAt, endedAt, timer*,
 *                              recording*, seq
 * meeting:{m:ID}:participants  hash: participant id -> JSON (name, role, userId, joinedAt)
 * meeting:{m:ID}:muted         set of participant ids the host muted
 * meeting:{m:ID}:online        set of "participant-id connection-id" reported by signaling
 * meeting:{m:ID}:outbox        list of events not yet acknowledged by Kafka
 * meeting-slug:{s:SLUG}        string: the meeting a room name points at
 * </pre> Each change is one Lua script that checks the state, writes, renews the expiry
 * and appends its event to the outbox in one atomic step. Scripts answer a status word
 * that {@link Outcome} names.
 */
@Component
public class MeetingStore {

    private static final String PRELUDE = ScriptSources.read("meeting-prelude.lua");

    private static final LuaScript CREATE = changing("create");

    private static final LuaScript JOIN = changing("join");

    private static final LuaScript REMOVE = changing("remove");

    private static final LuaScript MUTE = changing("mute");

    private static final LuaScript MUTE_ALL = changing("mute-all");

    private static final LuaScript TIMER = changing("timer");

    private static final LuaScript LOCK = changing("lock");

    private static final LuaScript END = changing("end");

    private static final LuaScript PRESENCE = changing("presence");

    private static final LuaScript READ = LuaScript.list("read.lua");

    private static final LuaScript CLAIM_SLUG = LuaScript.text("claim-slug.lua");

    private static final LuaScript RELEASE_SLUG = LuaScript.integer("release-slug.lua");

    /**
     * What a changing script found; {@code STOPPED_RECORDING}: done, and the recording
     * stopped with it (the meeting ended, its host left).
     */
    public enum Outcome {

        OK, UNKNOWN, LOCKED, ENDED, FULL, NO_PARTICIPANT, UNCHANGED, EXISTS, IGNORED, DUPLICATE, RECORDING,
        NOT_RECORDING, STOPPED_RECORDING;

        static Outcome of(String word) {
            return valueOf(word.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }

    }

    /** A participant as stored; mute and online flags live in their own sets. */
    public record StoredParticipant(String participantId, String name, String role, String userId, Instant joinedAt) {
    }

    private final ReactiveStringRedisTemplate redis;

    private final RedisScripts scripts;

    private final JsonMapper json;

    private final MeetingSnapshots snapshots;

    private final MeetingProperties properties;

    private final Clock clock;

    public MeetingStore(ReactiveStringRedisTemplate redis, RedisScripts scripts, JsonMapper json,
            MeetingProperties properties, Clock clock) {
        this.redis = redis;
        this.scripts = scripts;
        this.json = json;
        this.snapshots = new MeetingSnapshots(json);
        this.properties = properties;
        this.clock = clock;
    }

    public static String meetingKey(String meetingId) {
        return "meeting:{m:" + meetingId + "}";
    }

    static List<String> keys(String meetingId) {
        String base = meetingKey(meetingId);
        return List.of(base, base + ":participants", base + ":muted", base + ":online", base + ":outbox");
    }

    public static String outboxKey(String meetingId) {
        return meetingKey(meetingId) + ":outbox";
    }

    public static String outboxLockKey(String meetingId) {
        return meetingKey(meetingId) + ":outbox-lock";
    }

    static String slugKey(String slug) {
        return "meeting-slug:{s:" + slug + "}";
    }

    public Mono<Outcome> create(String meetingId, String slug, String title, int maxParticipants, MediaMode media,
            Instant createdAt, MeetingAccess access, StoredParticipant host, EventType type, Object eventData) {
        List<String> args = new ArrayList<>(
                List.of(host.participantId(), write(host), type.ceType(), write(eventData), "maxParticipants",
                        String.valueOf(maxParticipants), "media", media.value(), "createdAt", createdAt.toString()));
        if (slug != null) {
            args.addAll(List.of("slug", slug));
        }
        if (title != null) {
            args.addAll(List.of("title", title));
        }
        if (access.mode() != MeetingAccess.Mode.ANYONE) {
            args.addAll(List.of("access", access.mode().value(), "invited", write(access.invitedList())));
            if (access.orgId() != null) {
                args.addAll(List.of("orgId", access.orgId()));
            }
        }
        // also for meetings open to anyone: a recording belongs to the signed-in host
        if (access.hostAccount() != null) {
            args.addAll(List.of("hostAccount", access.hostAccount()));
        }
        return run(CREATE, meetingId, args);
    }

    public Mono<Outcome> join(String meetingId, StoredParticipant participant, EventType type, Object eventData) {
        return run(JOIN, meetingId,
                List.of(participant.participantId(), write(participant), type.ceType(), write(eventData)));
    }

    /** Also stops the recording, when the participant is the host who started it. */
    public Mono<Outcome> remove(String meetingId, String participantId, EventType type, Object eventData) {
        return run(REMOVE, meetingId, List.of(participantId, type.ceType(), write(eventData),
                EventType.RECORDING_STOPPED.ceType(), meetingId, clock.instant().toString()));
    }

    public Mono<Outcome> mute(String meetingId, String participantId, EventType type, Object eventData) {
        return run(MUTE, meetingId, List.of(participantId, type.ceType(), write(eventData)));
    }

    public Mono<Outcome> muteAll(String meetingId, String callerId, EventType type, Object eventData) {
        return run(MUTE_ALL, meetingId, List.of(callerId, type.ceType(), write(eventData)));
    }

    public Mono<Outcome> startTimer(String meetingId, Timer timer, EventType type, Object eventData) {
        return run(TIMER, meetingId, List.of(timer.preset(), String.valueOf(timer.seconds()),
                timer.startedAt().toString(), timer.endsAt().toString(), type.ceType(), write(eventData)));
    }

    public Mono<Outcome> lock(String meetingId, EventType type, Object eventData) {
        return run(LOCK, meetingId, List.of(type.ceType(), write(eventData)));
    }

    /** Also stops the meeting's recording, if one runs. */
    public Mono<Outcome> end(String meetingId, Instant endedAt, EventType type, Object eventData) {
        return run(END, meetingId, List.of(endedAt.toString(), type.ceType(), write(eventData),
                EventType.RECORDING_STOPPED.ceType(), meetingId));
    }

    /**
     * Records a connection opening or closing; {@code eventId} makes a redelivered event
     * a no-op. The last connection of the host who started the recording closing stops it
     * ({@link Outcome#STOPPED_RECORDING}).
     */
    public Mono<Outcome> presence(String meetingId, String participantId, String connectionId, boolean connected,
            String eventId) {
        List<String> keys = new ArrayList<>(keys(meetingId));
        keys.add(meetingKey(meetingId) + ":presence:" + eventId);
        List<String> args = new ArrayList<>(common());
        args.addAll(List.of(participantId, participantId + " " + connectionId, connected ? "connected" : "disconnected",
                String.valueOf(properties.presence().dedupeWindow().toMillis()), EventType.RECORDING_STOPPED.ceType(),
                meetingId, clock.instant().toString()));
        return scripts.text(PRESENCE, keys, args.toArray(String[]::new)).map(Outcome::of);
    }

    /**
     * Deletes a meeting that was never announced (its room name turned out to be taken).
     */
    public Mono<Void> discard(String meetingId) {
        return redis.delete(keys(meetingId).toArray(String[]::new)).then();
    }

    public Mono<Meeting> find(String meetingId) {
        return scripts.list(READ, keys(meetingId).subList(0, 4))
            .flatMap(reply -> Mono.justOrEmpty(snapshots.meeting(meetingId, reply)));
    }

    public Mono<String> meetingIdForSlug(String slug) {
        return redis.opsForValue().get(slugKey(slug));
    }

    /**
     * Points the room at {@code meetingId} unless it points at a meeting other than
     * {@code expectedCurrent} (null: none); answers the meeting the room points at
     * afterwards.
     */
    public Mono<String> claimSlug(String slug, String meetingId, String expectedCurrent) {
        return scripts.text(CLAIM_SLUG, List.of(slugKey(slug)), meetingId,
                expectedCurrent == null ? "" : expectedCurrent, String.valueOf(properties.idleTtl().toMillis()));
    }

    public Mono<Void> releaseSlug(String slug, String meetingId) {
        return scripts.integer(RELEASE_SLUG, List.of(slugKey(slug)), meetingId).then();
    }

    /**
     * Runs a script built by {@link #changing}: the meeting's keys, the common arguments,
     * then {@code ownArgs} from {@code ARGV[5]}.
     */
    public Mono<Outcome> run(LuaScript script, String meetingId, List<String> ownArgs) {
        List<String> args = new ArrayList<>(common());
        args.addAll(ownArgs);
        return scripts.text(script, keys(meetingId), args.toArray(String[]::new)).map(Outcome::of);
    }

    private List<String> common() {
        return List.of(String.valueOf(clock.millis()), String.valueOf(properties.idleTtl().toMillis()),
                String.valueOf(properties.endedRetention().toMillis()),
                String.valueOf(properties.events().outboxRetention().toMillis()));
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    /** A script that changes a meeting: {@code meeting-prelude.lua} and its own. */
    public static LuaScript changing(String name) {
        return LuaScript.assembled(name, PRELUDE + "\n" + ScriptSources.read(name + ".lua"), ScriptOutputType.VALUE);
    }

}
