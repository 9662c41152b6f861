package io.parley.quality.beacon;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.parley.quality.ForbiddenException;
import io.parley.quality.QualityMetrics;
import io.parley.quality.QualityProperties;
import io.parley.support.problem.Problems;
import io.parley.tokens.BearerTokens;
import io.parley.tokens.InvalidTokenException;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenVerifier;
import io.parley.tokens.KeysUnavailableException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/quality/beacons}: a quality sample from a browser, as
 * {@code application/json} or as the {@code text/plain} that {@code navigator.sendBeacon}
 * sends for a string, with the join token as {@code access_token} parameter (sendBeacon
 * cannot set headers) or bearer header. 204 means the sample is on Kafka. The body is
 * read raw, up to the configured limit, so the size rule holds whatever the content type.
 */
@RestController
public class BeaconController {

    public static final String PATH = "/api/quality/beacons";

    private static final List<MediaType> ACCEPTED = List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN);

    private final BeaconParser parser;

    private final BeaconAuthorization authorization;

    private final JoinTokenVerifier verifier;

    private final SamplePublisher publisher;

    private final QualityMetrics metrics;

    private final Clock clock;

    private final int maxBytes;

    public BeaconController(BeaconParser parser, BeaconAuthorization authorization, JoinTokenVerifier verifier,
            SamplePublisher publisher, QualityMetrics metrics, Clock clock, QualityProperties properties) {
        this.parser = parser;
        this.authorization = authorization;
        this.verifier = verifier;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBytes = Math.toIntExact(properties.maxBeaconSize().toBytes());
    }

    @PostMapping(PATH)
    public Mono<ResponseEntity<Void>> accept(ServerHttpRequest request) {
        return Mono.defer(() -> {
            requireAcceptedMediaType(request);
            requireDeclaredSizeWithinLimit(request);
            return token(request).flatMap(token -> body(request)
                .map(bytes -> authorization.authorize(parser.parse(bytes, clock.instant()), token)));
        }).flatMap(sample -> publisher.publish(sample).thenReturn(sample)).map(sample -> {
            metrics.beaconAccepted(sample.format());
            return ResponseEntity.noContent().<Void>build();
        }).doOnError(this::countRejection);
    }

    private static void requireAcceptedMediaType(ServerHttpRequest request) {
        MediaType type = request.getHeaders().getContentType();
        if (type == null || ACCEPTED.stream().noneMatch(accepted -> accepted.equalsTypeAndSubtype(type))) {
            throw new UnsupportedMediaTypeStatusException(type, ACCEPTED);
        }
    }

    /** A declared length over the limit is refused before a byte of the body is read. */
    private void requireDeclaredSizeWithinLimit(ServerHttpRequest request) {
        if (request.getHeaders().getContentLength() > maxBytes) {
            throw tooLarge();
        }
    }

    private ErrorResponseException tooLarge() {
        return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE,
                Problems.of(HttpStatus.CONTENT_TOO_LARGE, "A beacon may be at most " + maxBytes + " bytes."), null);
    }

    private Mono<Optional<JoinToken>> token(ServerHttpRequest request) {
        return BearerTokens.resolve(request)
            // Redis reset mid-check: a plain IOException, unavailable too
            .map(raw -> verifier.verify(raw).map(Optional::of).onErrorMap(BeaconController::redisFailure, error -> {
                metrics.tokensUnavailable();
                return Problems.unavailable("Tokens cannot be checked right now.",
                        QualityProperties.RETRY_AFTER_UNAVAILABLE, error);
            }).doOnError(KeysUnavailableException.class, error -> metrics.tokensUnavailable()))
            .orElseGet(() -> Mono.just(Optional.empty()));
    }

    private static boolean redisFailure(Throwable error) {
        return error instanceof DataAccessException || error instanceof IOException;
    }

    /** Chunked bodies have no declared length: the limit is enforced while reading. */
    private Mono<byte[]> body(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), maxBytes)
            .onErrorMap(DataBufferLimitException.class, error -> tooLarge())
            .map(buffer -> {
                try {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    return bytes;
                }
                finally {
                    DataBufferUtils.release(buffer);
                }
            })
            .defaultIfEmpty(new byte[0]);
    }

    private void countRejection(Throwable error) {
        Rejection reason = null;
        if (error instanceof InvalidBeaconException invalid) {
            reason = invalid.reason();
        }
        else if (error instanceof InvalidTokenException) {
            reason = Rejection.UNAUTHORIZED;
        }
        else if (error instanceof ForbiddenException) {
            reason = Rejection.FORBIDDEN;
        }
        else if (error instanceof UnsupportedMediaTypeStatusException) {
            reason = Rejection.UNSUPPORTED_MEDIA_TYPE;
        }
        else if (error instanceof ErrorResponseException response
                && response.getStatusCode().isSameCodeAs(HttpStatus.CONTENT_TOO_LARGE)) {
            reason = Rejection.TOO_LARGE;
        }
        if (reason != null) {
            metrics.beaconRejected(reason);
        }
    }

}
