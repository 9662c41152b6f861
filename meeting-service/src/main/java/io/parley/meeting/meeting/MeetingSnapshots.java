package io.parley.meeting.meeting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.parley.meeting.meeting.Meeting.Participant;
import io.parley.meeting.meeting.Meeting.Timer;
import io.parley.meeting.meeting.MeetingStore.StoredParticipant;
import io.parley.meeting.person.MeetingAccess;
import io.parley.tokens.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the reply of {@code read.lua} (meeting and participants hashes, muted and online
 * sets) into a Meeting.
 */
final class MeetingSnapshots {

    private final JsonMapper json;

    MeetingSnapshots(JsonMapper json) {
        this.json = json;
    }

    /** Empty when the meeting hash is gone (never created, or expired). */
    Optional<Meeting> meeting(String meetingId, List<Object> reply) {
        Map<String, String> fields = pairs(reply.get(0));
        return fields.isEmpty() ? Optional.empty() : Optional.of(toMeeting(meetingId, fields, reply));
    }

    private Meeting toMeeting(String meetingId, Map<String, String> fields, List<Object> reply) {
        Set<String> muted = new HashSet<>(strings(reply.get(2)));
        Set<String> online = new HashSet<>();
        for (String member : strings(reply.get(3))) {
            online.add(member.substring(0, Math.max(0, member.indexOf(' '))));
        }
        List<Participant> participants = new ArrayList<>();
        pairs(reply.get(1)).forEach((id, text) -> {
            StoredParticipant stored = json.readValue(text, StoredParticipant.class);
            participants.add(new Participant(id, stored.name(), Role.fromClaim(stored.role()).orElse(Role.PARTICIPANT),
                    stored.userId(), stored.joinedAt(), muted.contains(id), online.contains(id)));
        });
        participants.sort(Comparator.comparing(Participant::joinedAt).thenComparing(Participant::id));
        Timer timer = fields.containsKey("timerPreset")
                ? new Timer(fields.get("timerPreset"), Integer.parseInt(fields.get("timerSeconds")),
                        Instant.parse(fields.get("timerStartedAt")), Instant.parse(fields.get("timerEndsAt")))
                : null;
        return new Meeting(meetingId, fields.get("slug"), fields.get("title"),
                MeetingState.of(fields.get("state")).orElse(MeetingState.OPEN),
                Integer.parseInt(fields.get("maxParticipants")), Instant.parse(fields.get("createdAt")),
                fields.containsKey("endedAt") ? Instant.parse(fields.get("endedAt")) : null, List.copyOf(participants),
                timer, access(fields), MediaMode.stored(fields.get("media")), recording(fields));
    }

    private static Meeting.Recording recording(Map<String, String> fields) {
        return fields.containsKey("recordingId")
                ? new Meeting.Recording(fields.get("recordingId"), Instant.parse(fields.get("recordingStartedAt")),
                        Integer.parseInt(fields.get("recordingMaxSeconds")), fields.get("recordingBy"))
                : null;
    }

    private MeetingAccess access(Map<String, String> fields) {
        MeetingAccess.Mode mode = MeetingAccess.Mode.of(fields.get("access")).orElse(MeetingAccess.Mode.ANYONE);
        if (mode == MeetingAccess.Mode.ANYONE) {
            String hostAccount = fields.get("hostAccount");
            return hostAccount == null ? MeetingAccess.ANYONE : new MeetingAccess(mode, null, Set.of(), hostAccount);
        }
        String[] invited = json.readValue(fields.getOrDefault("invited", "[]"), String[].class);
        return new MeetingAccess(mode, fields.get("orgId"), Set.of(invited), fields.get("hostAccount"));
    }

    private static Map<String, String> pairs(Object flat) {
        List<String> items = strings(flat);
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < items.size(); i += 2) {
            map.put(items.get(i), items.get(i + 1));
        }
        return map;
    }

    private static List<String> strings(Object list) {
        List<String> result = new ArrayList<>();
        for (Object item : (List<?>) list) {
            result.add(item instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(item));
        }
        return result;
    }

}
