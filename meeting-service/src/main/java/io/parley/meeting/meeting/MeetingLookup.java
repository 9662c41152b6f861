package io.parley.meeting.meeting;

import io.parley.meeting.web.ApiProblem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds a meeting by id or by room name; anything that names no meeting is a 404,
 * whatever it looks like.
 */
@Component
public class MeetingLookup {

    private final MeetingStore store;

    public MeetingLookup(MeetingStore store) {
        this.store = store;
    }

    public Mono<Meeting> resolve(String idOrSlug) {
        Mono<String> meetingId = MeetingIds.isMeetingId(idOrSlug) ? Mono.just(idOrSlug)
                : MeetingIds.slug(idOrSlug).map(store::meetingIdForSlug).orElse(Mono.empty());
        return meetingId.flatMap(store::find).switchIfEmpty(Mono.error(ApiProblem::meetingNotFound));
    }

}
