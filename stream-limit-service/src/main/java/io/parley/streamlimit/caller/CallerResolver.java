package io.parley.streamlimit.caller;

import io.parley.streamlimit.redis.RedisGuard;
import io.parley.support.problem.Problems;
import io.parley.tokens.JoinTokenVerifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

/**
 * Finds who a request of {@code /api/streams} acts for. With an {@code X-Api-Key} header,
 * a server-side integration names its user ({@code userId} in the body or query);
 * otherwise a join token is required and its {@code sub} is the user. A token holder
 * cannot act for anyone else.
 */
public class CallerResolver {

    public static final String API_KEY_HEADER = "X-Api-Key";

    private final ApiKeys apiKeys;

    private final JoinTokenVerifier tokens;

    private final RedisGuard redis;

    public CallerResolver(ApiKeys apiKeys, JoinTokenVerifier tokens, RedisGuard redis) {
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.redis = redis;
    }

    /**
     * @param namedUserId the {@code userId} the request names, or null
     */
    public Mono<Caller> resolve(ServerHttpRequest request, String namedUserId) {
        String apiKey = request.getHeaders().getFirst(API_KEY_HEADER);
        if (apiKey != null) {
            return Mono.fromCallable(() -> byApiKey(apiKey, namedUserId));
        }
        // the revocation check reads Redis: an outage is a 503 like every other, not a
        // 500
        return redis.mapErrors(tokens.verify(request)).map(token -> {
            if (namedUserId != null && !namedUserId.equals(token.subject())) {
                throw forbidden("A join token acts only for its own user; naming another userId needs an API key.");
            }
            return new Caller(token.subject(), null, token);
        });
    }

    private Caller byApiKey(String apiKey, String namedUserId) {
        String tenant = apiKeys.tenantOf(apiKey).orElseThrow(() -> unauthorized("The API key is not valid."));
        if (namedUserId == null) {
            throw new BadRequestException("With an API key, userId names the user whose streams are counted.");
        }
        if (!Identifiers.isValid(namedUserId)) {
            throw new BadRequestException(
                    "userId must be 1 to " + Identifiers.MAX_LENGTH + " letters, digits or . _ : ~ @ + = -");
        }
        return new Caller(namedUserId, tenant, null);
    }

    private static ErrorResponseException unauthorized(String detail) {
        ErrorResponseException error = new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                Problems.of(HttpStatus.UNAUTHORIZED, detail), null);
        error.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + API_KEY_HEADER + "\"");
        return error;
    }

    private static ErrorResponseException forbidden(String detail) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, detail);
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }

}
