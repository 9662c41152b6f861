package io.parley.gateway.auth;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which requests need a join token at the gateway (PLATFORM.md §4.1): host controls, streams, quality data and the
 * signaling socket. Creating and joining meetings, the JWKS and the seed-compatible stream API are open; requests
 * with an API key are left to the service, which checks the key.
 */
public final class ProtectedPaths {

    private record Rule(HttpMethod method, PathPattern pattern) {

        boolean matches(HttpMethod requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)) && pattern.matches(path);
        }
    }

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private final List<Rule> rules;

    public ProtectedPaths(boolean anonymousBeacons) {
        var builder = new java.util.ArrayList<Rule>(List.of(
                rule(HttpMethod.POST, "/api/meetings/{id}/mute-all"),
                rule(HttpMethod.POST, "/api/meetings/{id}/participants/{pid}/mute"),
                rule(HttpMethod.DELETE, "/api/meetings/{id}/participants/{pid}"),
                rule(HttpMethod.POST, "/api/meetings/{id}/timer"),
                rule(HttpMethod.POST, "/api/meetings/{id}/lock"),
                rule(HttpMethod.POST, "/api/meetings/{id}/end"),
                rule(null, "/api/streams"),
                rule(null, "/api/streams/**"),
                rule(HttpMethod.GET, "/api/quality/meetings/**"),
                rule(HttpMethod.GET, "/ws/signaling")));
        if (!anonymousBeacons) {
            builder.add(rule(HttpMethod.POST, "/api/quality/beacons"));
        }
        this.rules = List.copyOf(builder);
    }

    private static Rule rule(HttpMethod method, String pattern) {
        return new Rule(method, PARSER.parse(pattern));
    }

    public TokenRequirement requirementFor(HttpMethod method, String path, boolean hasApiKey) {
        if (hasApiKey) {
            return TokenRequirement.IF_PRESENT;
        }
        PathContainer container = PathContainer.parsePath(path);
        return rules.stream().anyMatch(rule -> rule.matches(method, container)) ? TokenRequirement.REQUIRED
                : TokenRequirement.IF_PRESENT;
    }
}
