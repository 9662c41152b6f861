package io.parley.people;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * people-service settings ({@code parley.people.*}); docs/people.md describes each.
 *
 * @param signUp who may create an account: {@code open} (default), {@code invite-only}
 * (only with an organization invitation), {@code closed}
 */
@Validated
@ConfigurationProperties("parley.people")
public record PeopleProperties(@NotNull @DefaultValue("open") SignUp signUp, @Valid @DefaultValue Tokens tokens,
        @Valid @DefaultValue Sessions sessions, @Valid @DefaultValue Passwords passwords,
        @Valid @DefaultValue Throttle throttle, @Valid @DefaultValue Orgs orgs, @Valid @DefaultValue Events events,
        @Valid @DefaultValue History history, @Valid @DefaultValue Oidc oidc, @Valid @DefaultValue Calls calls,
        @Valid @DefaultValue Export export) {

    public enum SignUp {

        OPEN, INVITE_ONLY, CLOSED

    }

    /**
     * @param keysDir signing keys (PEM or JWK files; the last by name signs), e.g. a
     * mounted Secret
     * @param dataDir where a development key is generated when {@code keysDir} is unset
     * @param accessLifetime how long an access token lives (default 15 minutes)
     */
    public record Tokens(Path keysDir, @NotNull @DefaultValue(".parley/data") Path dataDir,
            @NotNull @DefaultValue("15m") Duration accessLifetime) {
    }

    /**
     * @param lifetime how long a sign-in lasts without use; every refresh extends it
     * (default 30 days)
     * @param refreshGrace how long the token rotated last may be presented again and get
     * the same successor, for tabs of one browser refreshing at once (default 10 s)
     * @param keepEnded how long an expired or revoked session (and the hashes of the
     * tokens it retired) is kept before it is deleted: long enough that a replayed old
     * token is still recognised as one (default 7 days)
     */
    public record Sessions(@NotNull @DefaultValue("30d") Duration lifetime,
            @NotNull @DefaultValue("10s") Duration refreshGrace, @NotNull @DefaultValue("7d") Duration keepEnded) {
    }

    /**
     * Argon2id at OWASP's parameters, at most {@code concurrency} at once and
     * {@code queue} waiting; past that a sign-in or sign-up is answered 503 with
     * Retry-After instead of queuing without bound.
     */
    public record Passwords(@Min(1) @DefaultValue("2") int concurrency, @Min(1) @DefaultValue("64") int queue,
            @Min(10) @DefaultValue("10") int minLength) {
    }

    /**
     * Growing delay after {@code freeFailures} consecutive wrong passwords for one
     * account (and, at {@code addressFailures}, from one client address), doubling from
     * {@code baseDelay} up to {@code maxDelay}.
     */
    public record Throttle(@Min(1) @DefaultValue("5") int freeFailures, @Min(1) @DefaultValue("50") int addressFailures,
            @NotNull @DefaultValue("2s") Duration baseDelay, @NotNull @DefaultValue("15m") Duration maxDelay,
            @NotNull @DefaultValue("1h") Duration window) {
    }

    /**
     * @param invitationLifetime how long an invitation link works (default 7 days)
     */
    public record Orgs(@NotNull @DefaultValue("7d") Duration invitationLifetime,
            @Min(1) @Max(20) @DefaultValue("20") int maxStreamLimit) {
    }

    /**
     * @param relayInterval how often the outbox relay looks for unpublished events
     */
    public record Events(@NotNull @DefaultValue("200ms") Duration relayInterval,
            @Min(1) @DefaultValue("100") int relayBatch) {
    }

    /**
     * "My meetings", built from {@code parley.meeting.events} by the consumer group
     * {@code groupId}; meetings nobody signed in took part in are forgotten
     * {@code forgetAnonymousAfter} their creation.
     */
    public record History(@NotNull @DefaultValue("people-service.meeting-history") String groupId,
            @NotNull @DefaultValue("1d") Duration forgetAnonymousAfter) {
    }

    /**
     * Sign-in through OpenID Connect providers; none by default.
     *
     * @param redirectBaseUri the address browsers reach Parley at (e.g.
     * {@code https://parley.example}): a provider sends the browser back to
     * {@code <this>/api/session/oidc/<id>/callback}, which must be registered there
     * exactly. Unset, it is taken from each request: its {@code Host}, or the
     * {@code X-Forwarded-Host} and {@code X-Forwarded-Proto} a proxy set
     * @param providers by id, which appears in URLs (lower-case letters, digits and
     * dashes)
     */
    public record Oidc(URI redirectBaseUri,
            @DefaultValue Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}") String, @Valid Provider> providers) {

        /**
         * One provider (Keycloak, Entra ID, Google, ...), registered there as a
         * confidential client that authenticates with {@code client_secret_basic}.
         *
         * @param issuerUri the issuer exactly as its ID tokens name it;
         * {@code /.well-known/openid-configuration} under it describes the rest
         * @param displayName what the sign-in button says
         * @param scopes what to ask for (default {@code openid}, {@code email},
         * {@code profile}); {@code openid} is asked for whether listed or not
         */
        public record Provider(@NotNull URI issuerUri, @NotBlank String clientId, @NotBlank String clientSecret,
                @NotBlank String displayName, List<String> scopes) {

            static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");

            public Provider {
                scopes = (scopes == null || scopes.isEmpty()) ? DEFAULT_SCOPES : List.copyOf(scopes);
            }

            /**
             * Without the secret: records print all their fields, and this one ends up in
             * logs and failure reports.
             */
            @Override
            public String toString() {
                return "Provider[issuerUri=" + issuerUri + ", clientId=" + clientId + ", displayName=" + displayName
                        + ", scopes=" + scopes + "]";
            }
        }
    }

    /**
     * Calls between contacts (PEOPLE.md §5). A call is a meeting on meeting-service for
     * the two, created there with the caller's access token and joined with the callee's.
     *
     * @param meetingServiceUri meeting-service's base URI (default the local one,
     * {@code http://127.0.0.1:8082})
     * @param meetingServiceTimeout how long one request to meeting-service may take;
     * slower is answered 503 with nothing stored (default 5 s)
     * @param ringTimeout how long a call rings before it is missed (default 45 s)
     * @param sweepInterval how often ringing calls are checked for that timeout (default
     * 1 s)
     * @param ringsPerMinute how many calls one person may start to one contact within a
     * minute (default 3)
     * @param maxDuration an answered call that nobody hung up is ended after this long,
     * so that nobody stays busy forever because both closed their tabs (default 4 h)
     */
    public record Calls(@NotNull @DefaultValue("http://127.0.0.1:8082") URI meetingServiceUri,
            @NotNull @DefaultValue("5s") Duration meetingServiceTimeout,
            @NotNull @DefaultValue("45s") Duration ringTimeout, @NotNull @DefaultValue("1s") Duration sweepInterval,
            @Min(1) @DefaultValue("3") int ringsPerMinute, @NotNull @DefaultValue("4h") Duration maxDuration) {
    }

    /**
     * {@code GET /api/me/export}: the recordings come from recording-service, asked with
     * the person's own access token.
     *
     * @param recordingsUrl recording-service's base URL (default the local one,
     * {@code http://127.0.0.1:8079})
     * @param recordingsTimeout how long connecting to it and its whole answer may take;
     * slower is answered 503, never an export without the recordings (default 5 s)
     */
    public record Export(@NotNull @DefaultValue("http://127.0.0.1:8079") URI recordingsUrl,
            @NotNull @DefaultValue("5s") Duration recordingsTimeout) {
    }

}
