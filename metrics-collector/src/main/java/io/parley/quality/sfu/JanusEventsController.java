package io.parley.quality.sfu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import io.parley.quality.QualityMetrics;
import io.parley.quality.beacon.Rejection;
import io.parley.support.problem.Problems;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
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
 * {@code POST /internal/janus-events}: what Janus's sample event handler posts, with
 * basic authentication. Janus's handler thread posts one batch at a time and waits for
 * the answer, so the answer does not wait for Kafka: 204 once the body is read and
 * parsed, the samples are sent on their own ({@link JanusEventIntake}). Not routed by the
 * gateway; only Janus reaches it (network policy in the chart). 404 while no password is
 * configured.
 */
@RestController
public class JanusEventsController {

    public static final String PATH = "/internal/janus-events";

    private final SfuEventsProperties properties;

    private final JanusEventParser parser;

    private final JanusEventIntake intake;

    private final QualityMetrics metrics;

    private final Clock clock;

    private final byte[] expectedAuthorization;

    private final int maxBytes;

    public JanusEventsController(SfuEventsProperties properties, JanusEventParser parser, JanusEventIntake intake,
            QualityMetrics metrics, Clock clock) {
        this.properties = properties;
        this.parser = parser;
        this.intake = intake;
        this.metrics = metrics;
        this.clock = clock;
        this.expectedAuthorization = ("Basic " + Base64.getEncoder()
            .encodeToString((properties.username() + ":" + properties.password()).getBytes(StandardCharsets.UTF_8)))
            .getBytes(StandardCharsets.UTF_8);
        this.maxBytes = Math.toIntExact(properties.maxBodySize().toBytes());
    }

    @PostMapping(PATH)
    public Mono<ResponseEntity<Void>> accept(ServerHttpRequest request) {
        return Mono.defer(() -> {
            if (!properties.enabled()) {
                throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                        Problems.of(HttpStatus.NOT_FOUND, "The Janus events endpoint is not configured."), null);
            }
            requireAuthorization(request);
            requireJson(request);
            if (request.getHeaders().getContentLength() > maxBytes) {
                throw tooLarge();
            }
            return body(request);
        }).map(body -> {
            intake.accept(parser.parse(body), clock.millis());
            return ResponseEntity.noContent().<Void>build();
        }).doOnError(this::countRejection);
    }

    private void requireAuthorization(ServerHttpRequest request) {
        String given = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expectedAuthorization)) {
            ErrorResponseException unauthorized = new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                    Problems.of(HttpStatus.UNAUTHORIZED, "Janus's event handler credentials are required."), null);
            unauthorized.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"janus-events\"");
            throw unauthorized;
        }
    }

    private static void requireJson(ServerHttpRequest request) {
        MediaType type = request.getHeaders().getContentType();
        if (type == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            throw new UnsupportedMediaTypeStatusException(type, List.of(MediaType.APPLICATION_JSON));
        }
    }

    private ErrorResponseException tooLarge() {
        return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE,
                Problems.of(HttpStatus.CONTENT_TOO_LARGE, "A post may be at most " + maxBytes + " bytes."), null);
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
        if (error instanceof InvalidJanusEventsException) {
            metrics.sfuPostRejected(Rejection.MALFORMED);
        }
        else if (error instanceof UnsupportedMediaTypeStatusException) {
            metrics.sfuPostRejected(Rejection.UNSUPPORTED_MEDIA_TYPE);
        }
        else if (error instanceof ErrorResponseException response) {
            if (response.getStatusCode().isSameCodeAs(HttpStatus.CONTENT_TOO_LARGE)) {
                metrics.sfuPostRejected(Rejection.TOO_LARGE);
            }
            else if (response.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
                metrics.sfuPostRejected(Rejection.UNAUTHORIZED);
            }
        }
    }

}
