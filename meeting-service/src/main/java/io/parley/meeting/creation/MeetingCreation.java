package io.parley.meeting.creation;

import java.util.Optional;

import io.parley.meeting.MeetingProperties;
import io.parley.meeting.meeting.MeetingApi.CreateMeetingRequest;
import io.parley.meeting.token.ApiKeys;
import io.parley.meeting.web.ApiProblem;
import io.parley.meeting.web.Caller;
import io.parley.tokens.access.AccessToken;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/meetings}, in this order: the API key, if any, is checked before the
 * body is read (401); who may create at all ({@code guest-creation-enabled}, 401); the
 * body (400); the creator's cap (429, only when a meeting is actually founded: joining a
 * running named room counts nothing).
 */
@Service
class MeetingCreation {

    private final ApiKeys apiKeys;

    private final MeetingProperties properties;

    private final NewMeetings meetings;

    private final NamedRooms rooms;

    MeetingCreation(ApiKeys apiKeys, MeetingProperties properties, NewMeetings meetings, NamedRooms rooms) {
        this.apiKeys = apiKeys;
        this.properties = properties;
        this.meetings = meetings;
        this.rooms = rooms;
    }

    /**
     * @param person the signed-in host, if any
     */
    Mono<Entry> create(Mono<CreateMeetingRequest> body, Caller caller, Optional<AccessToken> person) {
        Optional<String> integration = apiKeys.integration(caller);
        if (integration.isEmpty() && person.isEmpty() && !properties.guestCreationEnabled()) {
            return Mono
                .error(ApiProblem.apiKeyRequired("Creating meetings needs an X-Api-Key or a signed-in account here."));
        }
        return body.map(request -> MeetingSpec.of(request, properties, integration, person, caller.address()))
            .flatMap(spec -> spec.slug() == null ? meetings.create(spec).cast(Entry.class) : rooms.enter(spec));
    }

}
