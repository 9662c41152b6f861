package io.parley.gateway.auth;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which token a request needs at the gateway, by method and path; the first matching rule
 * wins.
 * <ul>
 * <li>people-service (PEOPLE.md §1, §3): an access token everywhere except signing up, in
 * (with a password or through an OpenID Connect provider) and out and refreshing, which
 * the gateway leaves alone.</li>
 * <li>Creating and joining a meeting: an access token when a signed-in person sends one,
 * never a join token.</li>
 * <li>Host controls, streams, quality data and the signaling socket (PLATFORM.md §4.1): a
 * join token; requests with an API key are left to the service, which checks the key.
 * Quality data also opens to an access token, for the accounts that took part once the
 * meeting ended (the service decides whose).</li>
 * <li>Recordings: starting and stopping is a host control (a join token); reading them
 * takes the host's join token or an access token (recording-service decides whose, and
 * {@code /api/me/recordings} is an access token's like the rest of {@code /api/me}).</li>
 * <li>The user socket {@code /ws/user} (PEOPLE.md §4): an access token, never a join
 * token.</li>
 * <li>Everything else: a join token when one is sent.</li>
 * </ul>
 */
public final class ProtectedPaths {

    private record Rule(HttpMethod method, PathPattern pattern, TokenRequirement requirement) {

        boolean matches(HttpMethod requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)) && pattern.matches(path);
        }
    }

    /** Everything people-service serves; "/x/**" matches "/x" itself too. */
    private static final List<String> PEOPLE_SERVICE = List.of("/api/accounts/**", "/api/session/**", "/api/me/**",
            "/api/orgs/**", "/api/invitations/**", "/api/contacts/**", "/api/calls/**", "/api/blocks/**");

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private final List<Rule> rules;

    public ProtectedPaths(boolean anonymousBeacons) {
        List<Rule> rules = new ArrayList<>(List.of(rule(HttpMethod.POST, "/api/accounts", TokenRequirement.NONE),
                rule(HttpMethod.POST, "/api/session", TokenRequirement.NONE),
                rule(HttpMethod.POST, "/api/session/refresh", TokenRequirement.NONE),
                rule(HttpMethod.DELETE, "/api/session", TokenRequirement.NONE),
                // signing in through an OpenID Connect provider: browser navigations,
                // which carry no bearer token
                rule(HttpMethod.GET, "/api/session/providers", TokenRequirement.NONE),
                rule(HttpMethod.GET, "/api/session/oidc/{provider}/start", TokenRequirement.NONE),
                rule(HttpMethod.GET, "/api/session/oidc/{provider}/callback", TokenRequirement.NONE)));
        PEOPLE_SERVICE.forEach(pattern -> rules.add(rule(null, pattern, TokenRequirement.ACCESS_REQUIRED)));
        rules.addAll(List.of(rule(HttpMethod.POST, "/api/meetings/{id}/recording", TokenRequirement.JOIN_REQUIRED),
                rule(HttpMethod.DELETE, "/api/meetings/{id}/recording", TokenRequirement.JOIN_REQUIRED),
                rule(HttpMethod.GET, "/api/meetings/{id}/recordings", TokenRequirement.JOIN_OR_ACCESS_REQUIRED),
                rule(null, "/api/recordings/**", TokenRequirement.JOIN_OR_ACCESS_REQUIRED)));
        rules.addAll(List.of(rule(HttpMethod.POST, "/api/meetings", TokenRequirement.ACCESS_IF_PRESENT),
                rule(HttpMethod.POST, "/api/meetings/{id}/participants", TokenRequirement.ACCESS_IF_PRESENT),
                rule(HttpMethod.POST, "/api/meetings/{id}/mute-all", TokenRequirement.JOIN_REQUIRED),
                rule(HttpMethod.POST, "/api/meetings/{id}/participants/{pid}/mute", TokenRequirement.JOIN_REQUIRED),
                rule(HttpMethod.DELETE, "/api/meetings/{id}/participants/{pid}", TokenRequirement.JOIN_REQUIRED),
                rule(HttpMethod.POST, "/api/meetings/{id}/timer", TokenRequirement.JOIN_REQUIRED),
                rule(HttpMethod.POST, "/api/meetings/{id}/lock", TokenRequirement.JOIN_REQUIRED),
                rule(HttpMethod.POST, "/api/meetings/{id}/end", TokenRequirement.JOIN_REQUIRED),
                rule(null, "/api/streams", TokenRequirement.JOIN_REQUIRED),
                rule(null, "/api/streams/**", TokenRequirement.JOIN_REQUIRED),
                rule(HttpMethod.GET, "/api/quality/meetings/**", TokenRequirement.JOIN_OR_ACCESS_REQUIRED),
                rule(HttpMethod.GET, "/api/quality/orgs/**", TokenRequirement.ACCESS_REQUIRED),
                rule(HttpMethod.GET, "/ws/signaling", TokenRequirement.JOIN_REQUIRED),
                rule(HttpMethod.GET, "/ws/user", TokenRequirement.ACCESS_REQUIRED)));
        if (!anonymousBeacons) {
            rules.add(rule(HttpMethod.POST, "/api/quality/beacons", TokenRequirement.JOIN_REQUIRED));
        }
        this.rules = List.copyOf(rules);
    }

    private static Rule rule(HttpMethod method, String pattern, TokenRequirement requirement) {
        return new Rule(method, PARSER.parse(pattern), requirement);
    }

    /**
     * @param hasApiKey whether the request carries an API key: then a join token is no
     * longer required (the service checks the key), while people-service, which takes no
     * API keys, still requires an access token
     */
    public TokenRequirement requirementFor(HttpMethod method, String path, boolean hasApiKey) {
        return requirementFor(method, PathContainer.parsePath(path), hasApiKey);
    }

    /**
     * As {@link #requirementFor(HttpMethod, String, boolean)}, for a path already parsed
     * (a request's own), which is not parsed again on every request.
     */
    public TokenRequirement requirementFor(HttpMethod method, PathContainer path, boolean hasApiKey) {
        TokenRequirement requirement = TokenRequirement.JOIN_IF_PRESENT;
        for (Rule rule : rules) {
            if (rule.matches(method, path)) {
                requirement = rule.requirement();
                break;
            }
        }
        boolean leftToTheService = requirement == TokenRequirement.JOIN_REQUIRED
                || requirement == TokenRequirement.JOIN_OR_ACCESS_REQUIRED;
        return hasApiKey && leftToTheService ? TokenRequirement.JOIN_IF_PRESENT : requirement;
    }

}
