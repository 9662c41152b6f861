package io.parley.gateway.auth;

import io.parley.tokens.JoinToken;
import io.parley.tokens.access.AccessToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who a token the gateway verified says the caller is; kept on the exchange for the rate
 * limiter.
 */
public sealed interface VerifiedCaller {

    /**
     * The caller whose token this request carried and the gateway verified; null when
     * there was none.
     */
    static VerifiedCaller of(ServerWebExchange exchange) {
        return exchange.getAttribute(VerifiedCaller.class.getName());
    }

    static void keep(ServerWebExchange exchange, VerifiedCaller caller) {
        exchange.getAttributes().put(VerifiedCaller.class.getName(), caller);
    }

    /**
     * The identity the caller's requests are counted by: the account for an access token;
     * a join token's {@code sub}, which is the account too when a signed-in person
     * created or joined the meeting.
     */
    String subject();

    /** A meeting participant, by join token. */
    record Participant(JoinToken token) implements VerifiedCaller {

        @Override
        public String subject() {
            return token.subject();
        }
    }

    /** A signed-in person, by access token. */
    record Account(AccessToken token) implements VerifiedCaller {

        @Override
        public String subject() {
            return token.accountId();
        }
    }

}
