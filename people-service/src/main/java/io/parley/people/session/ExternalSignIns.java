package io.parley.people.session;

import java.util.UUID;

import io.parley.people.account.Account;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sign-in for someone another service vouched for (an OpenID Connect provider): a session
 * on the device the request came from, the same as after a password. The answer is the
 * session cookie alone, because the browser arrives by a redirect that cannot carry a
 * body; the web client then gets its access token from {@code POST
 * /api/session/refresh}, as after any page load.
 */
@Component
public class ExternalSignIns {

    private final SignIns signIns;

    private final Sessions sessions;

    private final SessionCookies cookies;

    ExternalSignIns(SignIns signIns, Sessions sessions, SessionCookies cookies) {
        this.signIns = signIns;
        this.sessions = sessions;
        this.cookies = cookies;
    }

    public Mono<ResponseCookie> signIn(UUID accountId, ServerHttpRequest request) {
        SignIns.Device device = SignIns.Device.of(request);
        return sessions.start(accountId, device.userAgent(), device.clientAddress())
            .map(started -> cookies.issue(started.refreshToken(), request));
    }

    /**
     * Creates the account, announced like any sign-up, and signs it in. Joins the
     * caller's transaction, so that what proved who the person is gets stored in the same
     * commit. Fails with 403 ({@code sign-up-closed}, {@code sign-up-invite-only}) unless
     * sign-up is open, and with a {@code DataIntegrityViolationException} when the email
     * is taken.
     */
    public Mono<ResponseCookie> signUp(Account account, ServerHttpRequest request) {
        return signIns.signUpAndStart(account, SignIns.Device.of(request))
            .map(started -> cookies.issue(started.refreshToken(), request));
    }

}
