package io.parley.faults;

import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.parley.faults.Http.Reply;

/**
 * Every HTTP answer the load got during a scenario, with when it came: whether a service
 * said 503 with a problem body while its dependency was down, whether it said anything
 * worse, and when it answered successfully again.
 */
final class Responses {

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    void record(String service, Reply reply) {
        seen.add(new Seen(service, reply.status(), reply.isProblem(), System.nanoTime(), reply.body()));
    }

    long unavailable(String service) {
        return seen.stream().filter(answer -> answer.service.equals(service) && answer.status == 503).count();
    }

    /** Every service's answers counted by status, for the test's output. */
    String statusSummary() {
        return seen.stream()
            .collect(Collectors.groupingBy(answer -> answer.service + " " + answer.status, TreeMap::new,
                    Collectors.counting()))
            .toString();
    }

    /**
     * 503s by service, e.g. {@code meeting-service 12, stream-limit-service 3}; "none".
     */
    String unavailableSummary() {
        String summary = seen.stream()
            .filter(answer -> answer.status == 503)
            .map(Seen::service)
            .distinct()
            .map(service -> service + " " + unavailable(service))
            .collect(Collectors.joining(", "));
        return summary.isEmpty() ? "none" : summary;
    }

    /**
     * Answers no client should get from a service that is only missing a dependency: a
     * 5xx other than 503, or a 503 without a problem-details body.
     */
    List<String> improper() {
        return seen.stream()
            .filter(answer -> answer.status >= 500 && (answer.status != 503 || !answer.problem))
            .map(answer -> answer.service + " " + answer.status + " " + answer.body)
            .distinct()
            .toList();
    }

    /**
     * Milliseconds from {@code since} until every service that answered after it last
     * answered with a 2xx; -1 if one never did.
     */
    long recoveredAfter(long since) {
        List<String> services = seen.stream()
            .filter(answer -> answer.at >= since)
            .map(Seen::service)
            .distinct()
            .toList();
        long latest = since;
        for (String service : services) {
            long firstSuccessAfterLastFailure = since;
            boolean ok = false;
            for (Seen answer : seen) {
                if (!answer.service.equals(service) || answer.at < since) {
                    continue;
                }
                boolean success = answer.status >= 200 && answer.status < 300;
                if (success && !ok) {
                    firstSuccessAfterLastFailure = answer.at;
                }
                ok = success || (ok && answer.status < 500 && answer.status != 0);
            }
            if (!ok) {
                return -1;
            }
            latest = Math.max(latest, firstSuccessAfterLastFailure);
        }
        return (latest - since) / 1_000_000;
    }

    private record Seen(String service, int status, boolean problem, long at, String body) {
    }

}
