package io.parley.people.session;

import java.time.Duration;
import java.util.Optional;

import io.parley.people.PeopleProperties;
import io.parley.people.web.ClientAddress;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The refresh-token cookie (PEOPLE.md §2): HttpOnly so scripts never see it,
 * SameSite=Strict so no other site can make the browser send it, scoped to
 * {@code /api/session} so no other request carries it, Secure whenever the client came
 * over HTTPS.
 */
@Component
class SessionCookies {

    static final String NAME = "parley_session";
    static final String PATH = "/api/session";

    private final Duration lifetime;

    SessionCookies(PeopleProperties properties) {
        this.lifetime = properties.sessions().lifetime();
    }

    Optional<String> read(ServerHttpRequest request) {
        return Optional.ofNullable(request.getCookies().getFirst(NAME)).map(HttpCookie::getValue);
    }

    ResponseCookie issue(String token, ServerHttpRequest request) {
        return base(token, request).maxAge(lifetime).build();
    }

    ResponseCookie clear(ServerHttpRequest request) {
        return base("", request).maxAge(Duration.ZERO).build();
    }

    private static ResponseCookie.ResponseCookieBuilder base(String value, ServerHttpRequest request) {
        return ResponseCookie.from(NAME, value)
            .httpOnly(true)
            .sameSite("Strict")
            .path(PATH)
            .secure(ClientAddress.isSecure(request));
    }

}
