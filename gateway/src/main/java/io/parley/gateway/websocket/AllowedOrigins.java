package io.parley.gateway.websocket;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may open a WebSocket: the gateway's own, and those configured.
 * The gateway's own origin is the one whose host and port are the {@code Host} the
 * browser sent the upgrade to, as browsers and the common WebSocket servers judge "same
 * origin" — so {@code ./parley up} at {@code http://localhost:8080} and the public URL
 * behind an ingress that keeps the {@code Host} need no setting. A request without
 * {@code Origin} comes from no browser page and is allowed: what this guards against is
 * another site's page using the browser's standing.
 */
final class AllowedOrigins {

    private final Set<String> configured;

    AllowedOrigins(List<String> configured) {
        this.configured = configured.stream().map(AllowedOrigins::normalised).collect(Collectors.toUnmodifiableSet());
    }

    boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String normalised = normalised(origin);
        if (configured.contains(normalised)) {
            return true;
        }
        try {
            URI uri = new URI(normalised);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return web && host != null && uri.getRawAuthority() != null
                    && uri.getRawAuthority().equals(host.trim().toLowerCase(Locale.ROOT));
        }
        catch (URISyntaxException ex) {
            return false;
        }
    }

    private static String normalised(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

}
