package io.parley.meeting.creation;

import java.util.Optional;

import io.parley.meeting.MeetingProperties;
import io.parley.meeting.meeting.MediaMode;
import io.parley.meeting.meeting.MeetingApi.CreateMeetingRequest;
import io.parley.meeting.meeting.MeetingIds;
import io.parley.meeting.person.MeetingAccess;
import io.parley.meeting.person.MeetingAccessRequest;
import io.parley.meeting.token.TokenIssuer;
import io.parley.meeting.web.Inputs;
import io.parley.tokens.access.AccessToken;

/**
 * A validated create request and who asked.
 *
 * @param subject the host's token {@code sub}: the integration's user id, the account, or
 * a new guest id
 * @param kind {@code api-key}, {@code account} or {@code guest}, for metrics
 * @param person the signed-in host, if any
 * @param creator whom the meeting counts against
 * @param media how the meeting's media travels
 */
record MeetingSpec(String hostName, String title, String slug, int maxParticipants, String subject, String kind,
        MeetingAccess access, Optional<AccessToken> person, Creator creator, MediaMode media) {

    /**
     * Every field checked at once (400 listing each failure); 401/403 for access a caller
     * may not ask for.
     * @param integration the name behind the API key, if the request had one
     * @param address the client's address, which a guest's meeting counts against
     */
    static MeetingSpec of(CreateMeetingRequest request, MeetingProperties properties, Optional<String> integration,
            Optional<AccessToken> person, String address) {
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
        if (hostUserId != null && integration.isEmpty()) {
            inputs.fail("hostUserId", "hostUserId needs an API key; guests get a generated id.");
        }
        MeetingAccess access = MeetingAccessRequest.of(inputs, request, person);
        MediaMode media = media(inputs, request.media());
        inputs.validate();
        String subject = hostUserId != null ? hostUserId
                : person.map(AccessToken::accountId).orElseGet(TokenIssuer::guestSubject);
        String kind = integration.isPresent() ? "api-key" : person.isPresent() ? "account" : "guest";
        Creator creator = integration.isPresent() ? Creator.INTEGRATION
                : person.map(p -> Creator.account(p.accountId())).orElseGet(() -> Creator.address(address));
        return new MeetingSpec(hostName, title, slug, max, subject, kind, access, person, creator, media);
    }

    /**
     * Absent or null is {@code auto}; the refusal never echoes the value, however long.
     */
    private static MediaMode media(Inputs inputs, String value) {
        if (value == null) {
            return MediaMode.AUTO;
        }
        return MediaMode.of(value).orElseGet(() -> {
            inputs.fail("media", "media must be one of auto, mesh, sfu.");
            return MediaMode.AUTO;
        });
    }
}
