package io.parley.quality.beacon;

import java.util.List;
import java.util.Map;

import io.parley.support.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A beacon the collector will not take: 400 with every violation found, each naming the
 * field as a JSON path, so a client developer can fix all of them in one round.
 */
public class InvalidBeaconException extends ErrorResponseException {

    private final Rejection reason;

    public InvalidBeaconException(Rejection reason, List<Violation> violations) {
        super(HttpStatus.BAD_REQUEST, problem(violations), null);
        this.reason = reason;
    }

    public static InvalidBeaconException malformed(String message) {
        return new InvalidBeaconException(Rejection.MALFORMED, List.of(new Violation("$", message)));
    }

    private static ProblemDetail problem(List<Violation> violations) {
        Violation first = violations.get(0);
        String detail = violations.size() == 1 ? first.describe()
                : first.describe() + " (and " + (violations.size() - 1) + " more)";
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors",
                violations.stream()
                    .map(violation -> Map.of("field", violation.field(), "message", violation.message()))
                    .toList());
        return problem;
    }

    public Rejection reason() {
        return reason;
    }

    /**
     * One thing wrong with a beacon: where (a JSON path such as {@code stats.rttMs}) and
     * what.
     */
    public record Violation(String field, String message) {

        String describe() {
            return "$".equals(field) ? message : field + " " + message;
        }
    }

}
