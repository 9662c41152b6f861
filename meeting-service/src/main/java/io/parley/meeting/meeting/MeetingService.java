package io.parley.meeting.meeting;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.parley.events.EventType;
import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.MeetingProperties;
import io.parley.meeting.event.MeetingEvents;
import io.parley.meeting.event.OutboxPublisher;
import io.parley.meeting.meeting.HostRules.Command;
import io.parley.meeting.meeting.MeetingApi.CreateMeetingRequest;
import io.parley.meeting.meeting.MeetingApi.Credentials;
import io.parley.meeting.meeting.MeetingApi.MeetingView;
import io.parley.meeting.meeting.MeetingApi.ParticipantView;
import io.parley.meeting.meeting.MeetingApi.TimerView;
import io.parley.meeting.meeting.MeetingStore.StoredParticipant;
import io.parley.meeting.participant.ParticipantService;
import io.parley.meeting.person.MeetingAccess;
import io.parley.meeting.person.MeetingAccessRequest;
import io.parley.meeting.token.ApiKeys;
import io.parley.meeting.token.TokenIssuer;
import io.parley.meeting.web.ApiProblem;
import io.parley.meeting.web.Inputs;
import io.parley.tokens.RevocationList;
import io.parley.tokens.Role;
import io.parley.tokens.access.AccessToken;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Creating, reading, locking and ending meetings, and the meeting-wide host controls (mute all, timer). */
@Service
public class MeetingService {

    /** How often a create retries a room name whose meeting vanished or ended under it. */
    private static final int ROOM_ATTEMPTS = 3;

    private final MeetingStore store;
    private final MeetingLookup lookup;
    private final MeetingChanges changes;
    private final OutboxPublisher publisher;
    private final HostAccess access;
    private final ParticipantService participants;
    private final TokenIssuer tokens;
    private final ApiKeys apiKeys;
    private final RevocationList revocations;
    private final MeetingMetrics metrics;
    private final MeetingProperties properties;
    private final TimerPresets presets;
    private final MeetingIds ids;
    private final Clock clock;

    public MeetingService(MeetingStore store, MeetingLookup lookup, MeetingChanges changes, OutboxPublisher publisher,
            HostAccess access, ParticipantService participants, TokenIssuer tokens, ApiKeys apiKeys,
            RevocationList revocations, MeetingMetrics metrics, MeetingProperties properties, MeetingIds ids,
            Clock clock) {
        this.store = store;
        this.lookup = lookup;
        this.changes = changes;
        this.publisher = publisher;
        this.access = access;
        this.participants = participants;
        this.tokens = tokens;
        this.apiKeys = apiKeys;
        this.revocations = revocations;
        this.metrics = metrics;
        this.properties = properties;
        this.presets = new TimerPresets(properties.timerPresets());
        this.ids = ids;
        this.clock = clock;
    }

    /** A validated create request and who asked; {@code person} is the signed-in host, if any. */
    private record Spec(String hostName, String title, String slug, int maxParticipants, String subject,
            String kind, MeetingAccess access, Optional<AccessToken> person) {
    }

    /** Either a new meeting ({@code created}) or, for a room name in use, the existing meeting joined. */
    public record CreateResult(MeetingApi.Created created, MeetingApi.JoinedRoom joined) {
    }

    /** The API key (if any) is checked before the body is read. */
    public Mono<CreateResult> create(Mono<CreateMeetingRequest> request, ServerHttpRequest http,
            Optional<AccessToken> person) {
        Optional<String> integration = apiKeys.caller(http);
        if (integration.isEmpty() && person.isEmpty() && !properties.guestCreationEnabled()) {
            throw ApiProblem.apiKeyRequired("Creating meetings needs an X-Api-Key or a signed-in account here.");
        }
        return request.map(body -> validate(body, integration.isPresent(), person))
            .flatMap(spec -> spec.slug() == null ? createMeeting(spec) : room(spec, 1));
    }

    private Spec validate(CreateMeetingRequest request, boolean withApiKey, Optional<AccessToken> person) {
        Inputs inputs = new Inputs();
        // a signed-in host is who their account says, whatever the form held
        String hostName = person.isPresent() ? person.get().name() : inputs.name("hostName", request.hostName());
        String title = inputs.optionalText("title", request.title(), Inputs.MAX_TITLE);
        String slug = null;
        if (request.slug() != null) {
            slug = MeetingIds.slug(request.slug()).orElse(null);
            if (slug == null) {
                inputs.fail("slug", "slug must be 3 to 64 letters, digits or inner hyphens, and not shaped like a "
                        + "meeting id.");
            }
        }
        int max = properties.maxParticipants();
        if (request.maxParticipants() != null) {
            max = request.maxParticipants();
            if (max < 2 || max > properties.maxParticipantsLimit()) {
                inputs.fail("maxParticipants",
                        "maxParticipants must be between 2 and " + properties.maxParticipantsLimit() + ".");
            }
        }
        String hostUserId = inputs.userId("hostUserId", request.hostUserId(), false);
        if (hostUserId != null && !withApiKey) {
            inputs.fail("hostUserId", "hostUserId needs an API key; guests get a generated id.");
        }
        MeetingAccess access = MeetingAccessRequest.of(inputs, request, person);
        inputs.validate();
        String subject = hostUserId != null ? hostUserId
                : person.map(AccessToken::accountId).orElseGet(TokenIssuer::guestSubject);
        String kind = withApiKey ? "api-key" : person.isPresent() ? "account" : "guest";
        return new Spec(hostName, title, slug, max, subject, kind, access, person);
    }

    private Mono<CreateResult> createMeeting(Spec spec) {
        String meetingId = ids.newMeetingId();
        String hostId = ids.newParticipantId();
        return changes.apply(meetingId, () -> storeNew(meetingId, hostId, spec))
            .map(ok -> hostCredentials(meetingId, hostId, spec));
    }

    /**
     * A named room: join the live meeting it points at, or create one and claim the name. The meeting is written
     * before the claim, so the name never points at nothing; a creator that loses the race discards its meeting
     * (never announced: it is only put up for publishing once claimed) and joins the winner's.
     */
    private Mono<CreateResult> room(Spec spec, int attempt) {
        return store.meetingIdForSlug(spec.slug())
            .flatMap(current -> store.find(current)
                .filter(meeting -> meeting.state().acceptsCommands())
                .flatMap(meeting -> joinRoom(meeting, spec))
                .switchIfEmpty(Mono.defer(() -> claimRoom(spec, current, attempt))))
            .switchIfEmpty(Mono.defer(() -> claimRoom(spec, null, attempt)));
    }

    private Mono<CreateResult> claimRoom(Spec spec, String stale, int attempt) {
        if (attempt > ROOM_ATTEMPTS) {
            return Mono.error(ApiProblem.unavailable("The room name is busy; try again.", null));
        }
        String meetingId = ids.newMeetingId();
        String hostId = ids.newParticipantId();
        return storeNew(meetingId, hostId, spec)
            .flatMap(outcome -> outcome == MeetingStore.Outcome.OK ? store.claimSlug(spec.slug(), meetingId, stale)
                    : Mono.error(MeetingChanges.refusal(outcome)))
            .flatMap(owner -> owner.equals(meetingId)
                    ? publisher.markPending(meetingId)
                        .then(publisher.publishAfterChange(meetingId))
                        .then(Mono.fromSupplier(() -> hostCredentials(meetingId, hostId, spec)))
                    : store.discard(meetingId).then(room(spec, attempt + 1)));
    }

    private Mono<CreateResult> joinRoom(Meeting meeting, Spec spec) {
        return participants.checkAccess(meeting, spec.person())
            .then(participants.admit(meeting, spec.hostName(), Role.PARTICIPANT, spec.subject(), spec.kind())
            .map(credentials -> new CreateResult(null, new MeetingApi.JoinedRoom(meeting.id(), meeting.slug(),
                    joinUrl(meeting.id(), meeting.slug()), false, credentials))));
    }

    private Mono<MeetingStore.Outcome> storeNew(String meetingId, String hostId, Spec spec) {
        Instant now = clock.instant();
        StoredParticipant host = new StoredParticipant(hostId, spec.hostName(), Role.HOST.claim(), spec.subject(),
                now);
        var event = new MeetingEvents.Created(meetingId, spec.slug(), spec.title(), spec.maxParticipants(),
                new MeetingEvents.ParticipantData(hostId, spec.hostName(), Role.HOST.claim(), spec.subject()), now);
        return store.create(meetingId, spec.slug(), spec.title(), spec.maxParticipants(), now, spec.access(), host,
                EventType.MEETING_CREATED, event);
    }

    private CreateResult hostCredentials(String meetingId, String hostId, Spec spec) {
        metrics.meetingCreated();
        TokenIssuer.Issued issued = tokens.issue(spec.subject(), meetingId, hostId, spec.hostName(), Role.HOST,
                spec.kind());
        Credentials host = new Credentials(hostId, Role.HOST.claim(), issued.token(), issued.expiresAt());
        return new CreateResult(new MeetingApi.Created(meetingId, spec.slug(), joinUrl(meetingId, spec.slug()), true,
                host), null);
    }

    public Mono<MeetingView> get(String idOrSlug) {
        return lookup.resolve(idOrSlug).map(this::view);
    }

    MeetingView view(Meeting meeting) {
        return new MeetingView(meeting.id(), meeting.slug(), meeting.title(), meeting.state().value(),
                meeting.maxParticipants(), joinUrl(meeting.id(), meeting.slug()), meeting.createdAt(),
                meeting.endedAt(),
                meeting.participants()
                    .stream()
                    .map(p -> new ParticipantView(p.id(), p.name(), p.role().claim(), p.muted(), p.online(),
                            p.joinedAt()))
                    .toList(),
                meeting.timer() == null ? null : TimerView.of(meeting.timer(), clock), meeting.access().mode().value());
    }

    public Mono<Void> muteAll(String idOrSlug, ServerHttpRequest request) {
        return access.tracked(Command.MUTE_ALL,
                access.authorize(idOrSlug, request, Command.MUTE_ALL, null).flatMap(allowed -> {
                    String meetingId = allowed.meeting().id();
                    String caller = allowed.caller().participantId();
                    var event = new MeetingEvents.MutedAll(meetingId, caller, clock.instant());
                    return changes.apply(meetingId,
                            () -> store.muteAll(meetingId, caller, EventType.MUTED_ALL, event));
                })).then();
    }

    public Mono<TimerView> startTimer(String idOrSlug, MeetingApi.TimerRequest body, ServerHttpRequest request) {
        return access.tracked(Command.TIMER,
                access.authorize(idOrSlug, request, Command.TIMER, null).flatMap(allowed -> {
                    int seconds = presets.seconds(body.preset())
                        .orElseThrow(() -> ApiProblem.invalid("preset",
                                "Unknown timer preset; use one of: " + presets.ids() + "."));
                    String meetingId = allowed.meeting().id();
                    Instant now = clock.instant();
                    Meeting.Timer timer = new Meeting.Timer(body.preset(), seconds, now, now.plusSeconds(seconds));
                    var event = new MeetingEvents.TimerStarted(meetingId, timer.preset(), seconds, timer.startedAt(),
                            timer.endsAt(), allowed.caller().participantId());
                    return changes.apply(meetingId,
                            () -> store.startTimer(meetingId, timer, EventType.TIMER_STARTED, event))
                        .thenReturn(TimerView.of(timer, clock));
                }));
    }

    public Mono<Void> lock(String idOrSlug, ServerHttpRequest request) {
        return access.tracked(Command.LOCK,
                access.authorize(idOrSlug, request, Command.LOCK, null).flatMap(allowed -> {
                    String meetingId = allowed.meeting().id();
                    var event = new MeetingEvents.Locked(meetingId, allowed.caller().participantId(), clock.instant());
                    return changes.apply(meetingId, () -> store.lock(meetingId, EventType.MEETING_LOCKED, event));
                })).then();
    }

    /**
     * Ends the meeting for everyone. Every token of the meeting is revoked before the state changes, so no moment
     * exists in which the meeting is ended but its tokens still work. The room name is freed for a new meeting.
     */
    public Mono<Void> end(String idOrSlug, ServerHttpRequest request) {
        return access.tracked(Command.END,
                access.authorize(idOrSlug, request, Command.END, null).flatMap(allowed -> {
                    Meeting meeting = allowed.meeting();
                    Instant now = clock.instant();
                    var event = new MeetingEvents.Ended(meeting.id(), allowed.caller().participantId(), now);
                    return revocations.revokeMeeting(meeting.id())
                        .then(changes.apply(meeting.id(),
                                () -> store.end(meeting.id(), now, EventType.MEETING_ENDED, event)))
                        .doOnNext(ended -> metrics.meetingEnded())
                        .then(meeting.slug() == null ? Mono.empty() : store.releaseSlug(meeting.slug(), meeting.id()));
                })).then();
    }

    String joinUrl(String meetingId, String slug) {
        String base = properties.publicUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/m/" + (slug != null ? slug : meetingId)).toString();
    }
}
