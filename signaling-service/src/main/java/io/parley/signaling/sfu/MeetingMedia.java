package io.parley.signaling.sfu;

import java.util.Map;

import io.parley.signaling.SignalingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Decides, as participants join and leave, whether a meeting's media goes through the SFU
 * ({@link MediaModeRule}), moves it there by giving it a room, and releases the room once
 * the meeting is empty. A meeting that is being recorded is on the SFU. A meeting that
 * should move while no Janus instance answers stays a mesh and is tried again at the next
 * join.
 */
@Component
public class MeetingMedia {

    private static final Logger log = LoggerFactory.getLogger(MeetingMedia.class);

    private final JanusInstances instances;

    private final SfuRooms rooms;

    private final MediaModeRule rule;

    private final SignalingMetrics metrics;

    private final RecordingStore recordings;

    MeetingMedia(JanusInstances instances, SfuRooms rooms, SfuProperties settings, SignalingMetrics metrics,
            RecordingStore recordings) {
        this.instances = instances;
        this.metrics = metrics;
        this.rooms = rooms;
        this.recordings = recordings;
        this.rule = new MediaModeRule(instances.enabled(), settings.mode(), settings.switchAt());
    }

    /**
     * @param meeting meeting-service's view of the meeting (its {@code media} is the
     * host's choice), or null when it could not be read
     * @param participants how many are in the meeting, the one joining included
     */
    public Mono<Decision> onJoin(String meetingId, Map<String, Object> meeting, int participants) {
        if (!instances.enabled()) {
            return Mono.just(Decision.MESH);
        }
        MediaMode choice = MediaMode.ofMeeting((meeting != null) ? meeting.get("media") : null);
        Mono<Boolean> recording = recordings.current(meetingId).hasElement();
        return Mono.zip(rooms.current(meetingId).hasElement(), recording).flatMap((state) -> {
            boolean onSfu = state.getT1();
            // a recording needs the media on the server, whatever the rule says
            if (!state.getT2() && !rule.useSfu(choice, participants, onSfu)) {
                return Mono.just(Decision.MESH);
            }
            Decision decision = onSfu ? Decision.SFU : Decision.MOVED_TO_SFU;
            return rooms.ensure(meetingId).thenReturn(decision).doOnNext((moved) -> {
                if (moved == Decision.MOVED_TO_SFU) {
                    metrics.movedToSfu();
                }
            }).onErrorResume((error) -> {
                log.warn("Meeting {} stays peer to peer: no room on the SFU ({})", meetingId, error.toString());
                return Mono.just(onSfu ? Decision.SFU : Decision.MESH);
            });
        });
    }

    /** A participant left; {@code empty}: nobody is left in the meeting. */
    public Mono<Void> onLeave(String meetingId, boolean empty) {
        return (instances.enabled() && empty) ? rooms.release(meetingId) : Mono.empty();
    }

    /** A meeting's media after a join. */
    public enum Decision {

        MESH("mesh"), SFU("sfu"), MOVED_TO_SFU("sfu");

        private final String mode;

        Decision(String mode) {
            this.mode = mode;
        }

        /** What {@code welcome} and {@code media-mode} say. */
        public String mode() {
            return mode;
        }

    }

}
