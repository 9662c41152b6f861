package io.parley.meeting.meeting;

import java.time.Clock;

import io.parley.meeting.meeting.MeetingApi.MeetingView;
import io.parley.meeting.meeting.MeetingApi.ParticipantView;
import io.parley.meeting.meeting.MeetingApi.RecordingView;
import io.parley.meeting.meeting.MeetingApi.TimerView;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/meetings/{id}}: a meeting as anyone holding its id or room name sees
 * it.
 */
@Service
class MeetingViews {

    private final MeetingLookup lookup;

    private final JoinUrls joinUrls;

    private final TimerPresets presets;

    private final Clock clock;

    MeetingViews(MeetingLookup lookup, JoinUrls joinUrls, TimerPresets presets, Clock clock) {
        this.lookup = lookup;
        this.joinUrls = joinUrls;
        this.presets = presets;
        this.clock = clock;
    }

    Mono<MeetingView> get(String idOrSlug) {
        return lookup.resolve(idOrSlug).map(this::view);
    }

    private MeetingView view(Meeting meeting) {
        return new MeetingView(meeting.id(), meeting.slug(), meeting.title(), meeting.state().value(),
                meeting.maxParticipants(), joinUrls.of(meeting.id(), meeting.slug()), meeting.createdAt(),
                meeting.endedAt(),
                meeting.participants()
                    .stream()
                    .map(p -> new ParticipantView(p.id(), p.name(), p.role().claim(), p.muted(), p.online(),
                            p.joinedAt()))
                    .toList(),
                meeting.timer() == null ? null : TimerView.of(meeting.timer(), clock), meeting.access().mode().value(),
                presets.list(), meeting.media().value(),
                meeting.recording() == null ? null : RecordingView.of(meeting.recording()));
    }

}
