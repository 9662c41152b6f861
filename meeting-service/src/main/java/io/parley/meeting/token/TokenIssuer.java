package io.parley.meeting.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.MeetingProperties;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenProperties;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.Role;
import org.springframework.stereotype.Component;

/**
 * Signs join tokens with the configured lifetime, which may not exceed what verifiers
 * keep revocations for.
 */
@Component
public class TokenIssuer {

    /**
     * Reserved for generated guest identities; integrations may not mint user ids with
     * it.
     */
    public static final String GUEST_PREFIX = "guest:";

    private final JoinTokenSigner signer;

    private final Duration lifetime;

    private final MeetingMetrics metrics;

    private final Clock clock;

    public TokenIssuer(JoinTokenSigner signer, MeetingProperties properties, JoinTokenProperties tokens,
            MeetingMetrics metrics, Clock clock) {
        this.lifetime = properties.tokens().lifetime();
        if (lifetime.compareTo(tokens.maxLifetime()) > 0 || lifetime.isNegative() || lifetime.isZero()) {
            // a token outliving parley.tokens.max-lifetime would outlive its revocation
            // entry too
            throw new IllegalStateException("parley.meetings.tokens.lifetime (" + lifetime
                    + ") must be positive and at most parley.tokens.max-lifetime (" + tokens.maxLifetime() + ")");
        }
        this.signer = signer;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The {@code sub} of a guest: random, so guests never share an identity (or a stream
     * limit).
     */
    public static String guestSubject() {
        return GUEST_PREFIX + UUID.randomUUID();
    }

    /** A signed token and when it expires. */
    public record Issued(String token, Instant expiresAt) {
    }

    /**
     * @param kind for the metric: {@code guest} or {@code api-key}
     */
    public Issued issue(String subject, String meetingId, String participantId, String name, Role role, String kind) {
        // JWT times have whole seconds; the answer shows the same expiry the token holds
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(lifetime);
        String token = signer.sign(new JoinToken(subject, meetingId, participantId, name, role,
                UUID.randomUUID().toString(), now, expiresAt));
        metrics.tokenIssued(kind);
        return new Issued(token, expiresAt);
    }

}
