package io.parley.gateway.malformed;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.parley.support.web.ServiceNameHeaderFilter;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The RFC 9457 bodies of the refusals Netty makes itself, written once: they say nothing
 * about the request.
 */
final class ProblemBodies {

    static final int BAD_REQUEST = 400;
    static final String SERVICE_HEADER = ServiceNameHeaderFilter.HEADER;

    private final Map<Integer, byte[]> bodies = new LinkedHashMap<>();

    ProblemBodies(JsonMapper json) {
        put(json, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                "The request's header fields are larger than the server accepts.");
        put(json, HttpStatus.URI_TOO_LONG, "The request line (method and URI) is longer than the server accepts.");
        put(json, HttpStatus.BAD_REQUEST, "The request is not well-formed HTTP, or its target is not a valid URI "
                + "(a malformed percent-encoding, or a character that must be percent-encoded).");
    }

    private void put(JsonMapper json, HttpStatus status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        bodies.put(status.value(), json.writeValueAsBytes(problem));
    }

    /**
     * Reactor Netty's choice of status for a decoding failure, which this body must
     * match.
     */
    static int status(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TooLongHttpLineException) {
            return HttpStatus.URI_TOO_LONG.value();
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value();
        }
        return BAD_REQUEST;
    }

    byte[] of(int status) {
        return bodies.get(status);
    }

}
