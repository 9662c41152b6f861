package io.parley.gateway.index;

/**
 * The public API, as the gateway routes it (PLATFORM.md §4.2, §4.3; PEOPLE.md §3, §4).
 */
public enum PublicEndpoint {

    CREATE_MEETING("POST", "/api/meetings", "meeting-service", "Create a meeting, signed in or not: the host's token"),
    GET_MEETING("GET", "/api/meetings/{id}", "meeting-service", "Meeting state, participants and timer"),
    JOIN_MEETING("POST", "/api/meetings/{id}/participants", "meeting-service", "Join, as a guest or signed in"),
    MUTE_ALL("POST", "/api/meetings/{id}/mute-all", "meeting-service", "Host: mute everyone else"),
    MUTE_ONE("POST", "/api/meetings/{id}/participants/{pid}/mute", "meeting-service", "Host: mute one participant"),
    REMOVE("DELETE", "/api/meetings/{id}/participants/{pid}", "meeting-service", "Host: remove; or leave yourself"),
    TIMER("POST", "/api/meetings/{id}/timer", "meeting-service", "Host: start a timer preset"),
    LOCK("POST", "/api/meetings/{id}/lock", "meeting-service", "Host: no new joins"),
    END("POST", "/api/meetings/{id}/end", "meeting-service", "Host: end the meeting for all"),
    START_RECORDING("POST", "/api/meetings/{id}/recording", "meeting-service", "Host: start recording, everyone told"),
    STOP_RECORDING("DELETE", "/api/meetings/{id}/recording", "meeting-service", "Host: stop recording"),
    MEETING_RECORDINGS("GET", "/api/meetings/{id}/recordings", "recording-service",
            "Host's join token or access token: the meeting's recordings"),
    RECORDING("GET", "/api/recordings/{recordingId}", "recording-service", "One recording: state, duration, url"),
    RECORDING_FILE("GET", "/api/recordings/{recordingId}/file", "recording-service", "The WebM, with range requests"),
    DELETE_RECORDING("DELETE", "/api/recordings/{recordingId}", "recording-service", "Delete a recording's files"),
    MY_RECORDINGS("GET", "/api/me/recordings", "recording-service",
            "Access token: recordings of meetings I hosted or my organizations held"),
    MINT_TOKEN("POST", "/api/tokens", "meeting-service", "API key: mint a join token for an app's own user"),
    JWKS("GET", "/.well-known/jwks.json", "meeting-service", "Public keys that verify join tokens"),
    START_STREAM("POST", "/api/streams", "stream-limit-service", "Acquire a stream lease"),
    RENEW_STREAM("PUT", "/api/streams/{streamId}/lease", "stream-limit-service", "Renew a stream lease"),
    END_STREAM("DELETE", "/api/streams/{streamId}", "stream-limit-service", "End a stream"),
    LIST_STREAMS("GET", "/api/streams", "stream-limit-service", "Active streams of the caller"),
    SEED_START_STREAM("GET", "/api/startstream/{user_id}", "stream-limit-service", "Seed-compatible: start a stream"),
    SEED_END_STREAM("GET", "/api/endstream/{user_id}", "stream-limit-service", "Seed-compatible: end a stream"),
    BEACON("POST", "/api/quality/beacons", "metrics-collector", "Call-quality beacon (sendBeacon), 204"),
    QUALITY("GET", "/api/quality/meetings/{id}", "metrics-collector", "Per-participant quality time series"),
    QUALITY_SUMMARY("GET", "/api/quality/meetings/{id}/summary", "metrics-collector",
            "Quality percentiles, histograms"),
    QUALITY_EXPORT("GET", "/api/quality/meetings/{id}/samples", "metrics-collector",
            "Every stored quality sample: JSON Lines or CSV by Accept"),
    QUALITY_TRENDS("GET", "/api/quality/orgs/{orgId}/trends", "metrics-collector",
            "Access token of an owner or admin: an organization's call quality per day"),
    SIGNALING("GET", "/ws/signaling?access_token={jwt}", "signaling-service", "WebSocket signaling"),
    USER_SOCKET("GET", "/ws/user?access_token={jwt}", "signaling-service",
            "Access token: WebSocket for messages, calls and presence"),
    SIGN_UP("POST", "/api/accounts", "people-service", "Sign up and sign in: access token, session cookie"),
    SIGN_IN("POST", "/api/session", "people-service", "Sign in with email and password"),
    REFRESH("POST", "/api/session/refresh", "people-service", "Session cookie: a new access token, the cookie rotated"),
    SIGN_OUT("DELETE", "/api/session", "people-service", "Sign out this device"),
    PROFILE("GET", "/api/me", "people-service", "Access token: my profile"),
    UPDATE_PROFILE("PATCH", "/api/me", "people-service", "Access token: change my display name"),
    CHANGE_PASSWORD("POST", "/api/me/password", "people-service", "Access token: change it; other sessions end"),
    EXPORT("GET", "/api/me/export", "people-service", "Access token: everything stored about me"),
    DELETE_ACCOUNT("DELETE", "/api/me", "people-service", "Access token: delete my account"),
    SESSIONS("GET", "/api/me/sessions", "people-service", "Access token: my sign-in sessions"),
    REVOKE_SESSION("DELETE", "/api/me/sessions/{id}", "people-service", "Access token: end one session"),
    REVOKE_SESSIONS("DELETE", "/api/me/sessions", "people-service", "Access token: end every session"),
    MY_MEETINGS("GET", "/api/me/meetings", "people-service", "Access token: meetings I hosted or joined"),
    CREATE_ORG("POST", "/api/orgs", "people-service", "Access token: create an organization, as its owner"),
    GET_ORG("GET", "/api/orgs/{id}", "people-service", "Access token, member: the organization"),
    ORG_MEMBERS("GET", "/api/orgs/{id}/members", "people-service", "Access token, member: its members"),
    INVITE("POST", "/api/orgs/{id}/invitations", "people-service", "Access token, owner/admin: invite by email"),
    ACCEPT_INVITATION("POST", "/api/invitations/{token}/accept", "people-service",
            "Access token: join the inviting organization"),
    CHANGE_ROLE("PATCH", "/api/orgs/{id}/members/{accountId}", "people-service",
            "Access token, owner/admin: change a member's role"),
    REMOVE_MEMBER("DELETE", "/api/orgs/{id}/members/{accountId}", "people-service",
            "Access token, owner/admin: remove a member"),
    ORG_LIMITS("PUT", "/api/orgs/{id}/limits", "people-service", "Access token, owner/admin: members' stream limit"),
    REQUEST_CONTACT("POST", "/api/contacts/requests", "people-service", "Access token: ask to become contacts"),
    CONTACT_REQUESTS("GET", "/api/contacts/requests", "people-service", "Access token: incoming and outgoing requests"),
    ACCEPT_CONTACT("POST", "/api/contacts/requests/{id}/accept", "people-service", "Access token, addressee: accept"),
    DECLINE_CONTACT("POST", "/api/contacts/requests/{id}/decline", "people-service",
            "Access token, addressee: decline"),
    CONTACTS("GET", "/api/contacts", "people-service", "Access token: contacts, unread counts, last messages"),
    REMOVE_CONTACT("DELETE", "/api/contacts/{contactId}", "people-service", "Access token: end a contact"),
    BLOCK("POST", "/api/blocks", "people-service", "Access token: block an account"),
    UNBLOCK("DELETE", "/api/blocks/{accountId}", "people-service", "Access token: unblock"),
    BLOCKS("GET", "/api/blocks", "people-service", "Access token: the accounts I blocked"),
    SEND_MESSAGE("POST", "/api/contacts/{contactId}/messages", "people-service", "Access token: send a direct message"),
    MESSAGES("GET", "/api/contacts/{contactId}/messages", "people-service", "Access token: history, newest first"),
    READ("POST", "/api/contacts/{contactId}/read", "people-service", "Access token: read marker"),
    CALL("POST", "/api/contacts/{contactId}/calls", "people-service", "Access token: call a contact"),
    RINGING_CALLS("GET", "/api/calls?state=ringing", "people-service", "Access token: calls ringing for me now"),
    ANSWER_CALL("POST", "/api/calls/{callId}/answer", "people-service", "Access token, callee: answer"),
    DECLINE_CALL("POST", "/api/calls/{callId}/decline", "people-service", "Access token, callee: decline"),
    END_CALL("DELETE", "/api/calls/{callId}", "people-service", "Access token: cancel or hang up");

    private final String method;

    private final String path;

    private final String service;

    private final String description;

    PublicEndpoint(String method, String path, String service, String description) {
        this.method = method;
        this.path = path;
        this.service = service;
        this.description = description;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String service() {
        return service;
    }

    public String description() {
        return description;
    }

}
