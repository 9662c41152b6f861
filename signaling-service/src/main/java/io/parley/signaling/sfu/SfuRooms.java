package io.parley.signaling.sfu;

import java.util.List;
import java.util.Optional;

import io.parley.signaling.SignalingMetrics;
import io.parley.support.redis.LuaScript;
import io.parley.support.redis.RedisScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which Janus room a meeting on the SFU uses, recorded in Redis ({@code sfu:{meeting:ID}}
 * = instance, room id and room secret) so that every signaling instance agrees. The first
 * instance to record a room wins ({@code SET NX}); one that lost the race destroys the
 * room it made and uses the winner's. A meeting with a record is on the SFU.
 */
@Component
public class SfuRooms {

    private static final Logger log = LoggerFactory.getLogger(SfuRooms.class);

    private static final LuaScript REPLACE = LuaScript.integer("sfu-room-replace-v1.lua");

    private final ReactiveStringRedisTemplate redis;

    private final RedisScripts scripts;

    private final JanusInstances instances;

    private final SfuMetrics load;

    private final SignalingMetrics metrics;

    SfuRooms(ReactiveStringRedisTemplate redis, RedisScripts scripts, JanusInstances instances, SfuMetrics load,
            SignalingMetrics metrics) {
        this.metrics = metrics;
        this.redis = redis;
        this.scripts = scripts;
        this.instances = instances;
        this.load = load;
    }

    static String key(String meetingId) {
        return "sfu:{meeting:" + meetingId + "}";
    }

    /** The meeting's room, if the meeting is on the SFU. */
    public Mono<MeetingRoom> current(String meetingId) {
        return redis.opsForValue().get(key(meetingId)).flatMap((value) -> Mono.justOrEmpty(MeetingRoom.parse(value)));
    }

    /**
     * The meeting's room, created on the least loaded instance when it has none; fails
     * with {@link JanusUnavailableException} when that instance does not answer.
     */
    public Mono<MeetingRoom> ensure(String meetingId) {
        return current(meetingId).switchIfEmpty(Mono.defer(() -> create(meetingId)))
            .flatMap((room) -> redis.expire(key(meetingId), instances.settings().roomTtl()).thenReturn(room));
    }

    /**
     * Forgets a room Janus no longer has (it restarted), unless another instance already
     * recorded a new one.
     */
    public Mono<Void> forget(String meetingId, MeetingRoom stale) {
        return redis.opsForValue()
            .get(key(meetingId))
            .filter(stale.value()::equals)
            .flatMap((value) -> redis.delete(key(meetingId)))
            .then();
    }

    /**
     * Moves the meeting off an instance that died to a new room on the least loaded of
     * those that answer, unless another participant moved it first (then its room is the
     * answer). Fails with {@link JanusUnavailableException} when the instance answers
     * after all (a slow instance is not left: its participants would be split from the
     * others) or no other instance answers.
     */
    public Mono<MeetingRoom> moveOff(String meetingId, MeetingRoom dead) {
        return load.answers(dead.instance()).flatMap((answers) -> {
            Optional<VideoRooms> chosen = answers ? Optional.empty()
                    : load.leastLoadedAnswering(dead.instance()).flatMap(instances::rooms);
            if (chosen.isEmpty()) {
                return Mono.error(new JanusUnavailableException(dead.instance(),
                        new IllegalStateException(answers ? "it answers again" : "no other instance answers")));
            }
            VideoRooms rooms = chosen.get();
            return rooms.create("parley meeting " + meetingId).flatMap((created) -> {
                MeetingRoom room = new MeetingRoom(created.instance(), created.id(), created.secret());
                return scripts
                    .integer(REPLACE, List.of(key(meetingId)), dead.value(), room.value(),
                            Long.toString(instances.settings().roomTtl().toMillis()))
                    .flatMap((replaced) -> {
                        if (replaced == 1) {
                            metrics.sfuFailedOver();
                            log.info("Meeting {} moved from dead Janus {} to {}", meetingId, dead.instance(),
                                    room.instance());
                            return Mono.just(room);
                        }
                        return rooms.destroy(room.id(), room.secret()).onErrorComplete().then(current(meetingId));
                    });
            });
        });
    }

    /** The meeting is over or empty: its room is destroyed and its record dropped. */
    public Mono<Void> release(String meetingId) {
        return redis.opsForValue()
            .getAndDelete(key(meetingId))
            .flatMap((value) -> Mono.justOrEmpty(MeetingRoom.parse(value)))
            .flatMap((room) -> Mono.justOrEmpty(instances.rooms(room.instance()))
                .flatMap((rooms) -> rooms.destroy(room.id(), room.secret()))
                .doOnError((error) -> log.warn("Room {} of meeting {} on Janus {} was not destroyed: {}", room.id(),
                        meetingId, room.instance(), error.toString()))
                .onErrorComplete());
    }

    private Mono<MeetingRoom> create(String meetingId) {
        Optional<VideoRooms> chosen = load.leastLoaded().flatMap(instances::rooms);
        if (chosen.isEmpty()) {
            return Mono.error(new IllegalStateException("No Janus instance is configured"));
        }
        VideoRooms rooms = chosen.get();
        return rooms.create("parley meeting " + meetingId).flatMap((created) -> {
            MeetingRoom room = new MeetingRoom(created.instance(), created.id(), created.secret());
            return redis.opsForValue()
                .setIfAbsent(key(meetingId), room.value(), instances.settings().roomTtl())
                .flatMap((recorded) -> recorded ? Mono.just(room)
                        : rooms.destroy(room.id(), room.secret()).onErrorComplete().then(current(meetingId)));
        });
    }

    /**
     * A meeting's room: the instance it is on, its id and the secret that controls it.
     */
    public record MeetingRoom(String instance, long id, String secret) {

        String value() {
            return instance + " " + id + " " + secret;
        }

        static Optional<MeetingRoom> parse(String value) {
            String[] parts = value.split(" ");
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new MeetingRoom(parts[0], Long.parseLong(parts[1]), parts[2]));
            }
            catch (NumberFormatException ex) {
                return Optional.empty();
            }
        }

    }

}
