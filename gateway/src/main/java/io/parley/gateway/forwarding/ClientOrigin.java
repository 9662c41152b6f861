package io.parley.gateway.forwarding;

import java.net.InetSocketAddress;
import java.util.List;

import io.parley.gateway.GatewayProperties;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a request really came from: the client's address and the scheme it used, as the
 * proxies in front of the gateway ({@code parley.gateway.rate-limit.trusted-proxies})
 * report them in {@code X-Forwarded-For} and {@code X-Forwarded-Proto}. Each trusted
 * proxy appends to (or replaces) those headers, so the entry that many places from the
 * right is what the outermost trusted proxy saw; anything further left is whatever the
 * client wrote. Without trusted proxies the headers are ignored and the connection
 * counts, since a client can write anything into them.
 */
@Component
public class ClientOrigin {

    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

    private final int trustedProxies;

    private final RemoteAddressResolver addresses;

    public ClientOrigin(GatewayProperties properties) {
        this.trustedProxies = properties.rateLimit().trustedProxies();
        this.addresses = trustedProxies > 0 ? XForwardedRemoteAddressResolver.maxTrustedIndex(trustedProxies)
                : new RemoteAddressResolver() {
                };
    }

    /** The client's IP address, or {@code unknown} when the connection does not say. */
    public String address(ServerWebExchange exchange) {
        InetSocketAddress remote = addresses.resolve(exchange);
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    /**
     * {@code https} when the client's own connection was TLS — to a trusted proxy or to
     * the gateway itself.
     */
    public String scheme(ServerHttpRequest request) {
        if (trustedProxies > 0) {
            List<String> forwarded = request.getHeaders()
                .getValuesAsList(X_FORWARDED_PROTO)
                .stream()
                .filter(StringUtils::hasText)
                .toList();
            if (!forwarded.isEmpty()) {
                return forwarded.get(Math.max(0, forwarded.size() - trustedProxies)).trim().toLowerCase();
            }
        }
        return request.getURI().getScheme();
    }

}
