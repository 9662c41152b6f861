package io.parley.people.web;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request came from, for sign-in throttling and the session list.
 * people-service sits behind the gateway, which appends the address it saw to
 * {@code X-Forwarded-For}: the last entry is the one nobody but the gateway wrote
 * (earlier ones are whatever the client claimed).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(ServerHttpRequest request) {
        List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        if (!forwarded.isEmpty()) {
            String last = forwarded.get(forwarded.size() - 1).strip();
            if (!last.isEmpty() && last.length() <= 64) {
                return last;
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /**
     * Whether the client reached us over HTTPS, directly or through a proxy that says so.
     */
    public static boolean isSecure(ServerHttpRequest request) {
        String proto = request.getHeaders().getFirst("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(proto != null ? proto.split(",")[0].strip() : request.getURI().getScheme());
    }

}
