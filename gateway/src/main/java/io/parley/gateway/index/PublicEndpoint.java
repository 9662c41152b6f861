package io.parley.gateway.index;

/** The public API, as the gateway routes it (PLATFORM.md §4.2, §4.3). */
public enum PublicEndpoint {

    CREATE_MEETING("POST", "/api/meetings", "meeting-service", "Create a meeting; answers the host's join token"),
    GET_MEETING("GET", "/api/meetings/{id}", "meeting-service", "Meeting state, participants and timer"),
    JOIN_MEETING("POST", "/api/meetings/{id}/participants", "meeting-service", "Join as a guest"),
    MUTE_ALL("POST", "/api/meetings/{id}/mute-all", "meeting-service", "Host: mute everyone else"),
    MUTE_ONE("POST", "/api/meetings/{id}/participants/{pid}/mute", "meeting-service", "Host: mute one participant"),
    REMOVE("DELETE", "/api/meetings/{id}/participants/{pid}", "meeting-service", "Host: remove; or leave yourself"),
    TIMER("POST", "/api/meetings/{id}/timer", "meeting-service", "Host: start a timer preset"),
    LOCK("POST", "/api/meetings/{id}/lock", "meeting-service", "Host: no new joins"),
    END("POST", "/api/meetings/{id}/end", "meeting-service", "Host: end the meeting for all"),
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
    QUALITY_SUMMARY("GET", "/api/quality/meetings/{id}/summary", "metrics-collector", "Quality percentiles, histograms"),
    SIGNALING("GET", "/ws/signaling?access_token={jwt}", "signaling-service", "WebSocket signaling");

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
