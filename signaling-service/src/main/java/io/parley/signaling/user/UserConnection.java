package io.parley.signaling.user;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.parley.events.Ids;
import io.parley.signaling.session.Outbound;
import io.parley.signaling.session.TokenBucket;
import io.parley.tokens.access.AccessToken;

/**
 * One device's user socket on this instance: whose it is (account and sign-in session),
 * until when its access token holds, whose presence it follows (its contacts), what it
 * may still send, and its {@link Outbound} frames.
 */
final class UserConnection {

    private final String socketId = Ids.random();

    private final String accountId;

    private final String sessionId;

    private final Outbound outbound;

    private final TokenBucket messages;

    private final Set<String> contacts = ConcurrentHashMap.newKeySet();

    private volatile Instant expiresAt;

    UserConnection(AccessToken token, Outbound outbound, TokenBucket messages) {
        this.accountId = token.accountId();
        this.sessionId = token.sessionId();
        this.expiresAt = token.expiresAt();
        this.outbound = outbound;
        this.messages = messages;
    }

    String socketId() {
        return socketId;
    }

    String accountId() {
        return accountId;
    }

    String sessionId() {
        return sessionId;
    }

    Outbound outbound() {
        return outbound;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /**
     * A fresh token of the same person and sign-in session moves the expiry; any other
     * token is refused.
     */
    boolean refresh(AccessToken token) {
        if (!token.accountId().equals(accountId) || !token.sessionId().equals(sessionId)) {
            return false;
        }
        if (token.expiresAt().isAfter(expiresAt)) {
            expiresAt = token.expiresAt();
        }
        return true;
    }

    boolean allowMessage(long nowNanos) {
        return messages.tryTake(nowNanos);
    }

    Set<String> contacts() {
        return contacts;
    }

}
