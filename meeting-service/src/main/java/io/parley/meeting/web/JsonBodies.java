package io.parley.meeting.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read: strictly. Jackson's defaults turn {@code "hostName": true}
 * into the name "true" and {@code "maxParticipants": 2.5} into 2; here a value of the
 * wrong kind is a 400 that names the field, on every endpoint. Only the HTTP decoder uses
 * this mapper; events from other services are read as before.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * {@code base} (Spring Boot's mapper) without scalar coercion: no text from numbers
     * or booleans, and back.
     */
    public static JsonMapper strict(JsonMapper base) {
        return base.rebuild()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Textual,
                    text -> text.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .build();
    }

    /**
     * The 400 for a body whose JSON is well-formed but holds a value of the wrong kind,
     * naming the field; empty for anything else (malformed JSON keeps the generic
     * answer).
     */
    public static Optional<ApiProblem> wrongType(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof MismatchedInputException mismatch) {
                return Optional.of(problem(mismatch));
            }
        }
        return Optional.empty();
    }

    private static ApiProblem problem(MismatchedInputException mismatch) {
        List<JacksonException.Reference> path = mismatch.getPath();
        if (path.isEmpty() || path.get(0).getPropertyName() == null) {
            return ApiProblem.invalid("body", "The request body must be a JSON object.");
        }
        String field = path.get(0).getPropertyName();
        StringBuilder where = new StringBuilder(field);
        for (JacksonException.Reference reference : path.subList(1, path.size())) {
            if (reference.getPropertyName() != null) {
                where.append('.').append(reference.getPropertyName());
            }
            else {
                where.append('[').append(reference.getIndex()).append(']');
            }
        }
        return ApiProblem.invalid(field, where + " must be " + kind(mismatch.getTargetType()) + ".");
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "of another type";
    }

}
