package io.parley.meeting.web;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request came from, for the caps on new meetings. The rule is
 * people-service's ({@code web/ClientAddress}): the services sit behind the gateway,
 * which replaces {@code X-Forwarded-For} with the one address it resolved (trusting only
 * the proxies it is configured to trust), so the last entry is the one nobody but the
 * gateway wrote. Without the header (a direct call inside the cluster) the connection
 * counts.
 */
final class ClientAddress {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    static String of(ServerHttpRequest request) {
        List<String> forwarded = request.getHeaders().getValuesAsList(X_FORWARDED_FOR);
        if (!forwarded.isEmpty()) {
            String last = forwarded.get(forwarded.size() - 1).strip();
            if (!last.isEmpty() && last.length() <= MAX_LENGTH) {
                return last;
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

}
