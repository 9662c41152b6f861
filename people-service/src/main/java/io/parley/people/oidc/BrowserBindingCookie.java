package io.parley.people.oidc;

import io.parley.people.web.ClientAddress;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The cookie that ties a flow to the browser that started it ({@link OidcFlows}).
 * {@code SameSite=Lax}, unlike the session cookie: the provider sends the browser back by
 * a top-level navigation from its own site, on which a Strict cookie would stay behind.
 * Scoped to the callbacks and no longer than a flow lives.
 */
final class BrowserBindingCookie {

    static final String NAME = "parley_oidc";
    static final String PATH = "/api/session/oidc";

    private BrowserBindingCookie() {
    }

    static String read(ServerHttpRequest request) {
        HttpCookie cookie = request.getCookies().getFirst(NAME);
        return cookie == null ? null : cookie.getValue();
    }

    static ResponseCookie issue(String value, ServerHttpRequest request) {
        return ResponseCookie.from(NAME, value)
            .httpOnly(true)
            .sameSite("Lax")
            .path(PATH)
            .secure(ClientAddress.isSecure(request))
            .maxAge(OidcFlows.LIFETIME)
            .build();
    }

}
