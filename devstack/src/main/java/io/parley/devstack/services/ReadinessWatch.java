package io.parley.devstack.services;

import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.parley.devstack.DevstackException;

/**
 * Waits until every service answers 200 on {@code /actuator/health/readiness}, which each
 * service only does once the Redis (and, for backends, Kafka) it depends on is reachable:
 * a started port alone does not mean usable. All services are probed concurrently each
 * round, so one slow answer does not skew another's time to ready.
 */
public final class ReadinessWatch {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private static final int MAX_BODY_CHARS = 300;

    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1))
        .build();

    private final Duration timeout;

    private final PrintStream console;

    public ReadinessWatch(Duration timeout, PrintStream console) {
        this.timeout = timeout;
        this.console = console;
    }

    /**
     * Returns each service's time from its start to its first 200. Fails as soon as a
     * service exits, or when the timeout passes, naming the services concerned;
     * {@code abandon} ends the wait early (the stack is stopping).
     */
    public Map<LaunchedService, Duration> await(List<LaunchedService> services, BooleanSupplier abandon) {
        Map<LaunchedService, Duration> ready = new ConcurrentHashMap<>();
        Map<LaunchedService, String> lastAnswer = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<LaunchedService> pending = new ArrayList<>(services);
        while (!pending.isEmpty()) {
            if (abandon.getAsBoolean()) {
                throw new DevstackException("stopped while waiting for the services to become ready");
            }
            for (LaunchedService service : pending) {
                if (!service.process().isAlive()) {
                    throw new DevstackException(service.name() + " exited with code " + service.process().exitValue()
                            + " before it was ready; its output is above, on the lines starting with [" + service.name()
                            + "]");
                }
            }
            CompletableFuture
                .allOf(pending.stream()
                    .map(service -> probe(service, ready, lastAnswer))
                    .toArray(CompletableFuture[]::new))
                .join();
            pending.removeIf(ready::containsKey);
            if (!pending.isEmpty() && System.nanoTime() > deadline) {
                throw notReady(pending, lastAnswer);
            }
            sleep(POLL_INTERVAL);
        }
        Map<LaunchedService, Duration> inStartOrder = new LinkedHashMap<>();
        services.forEach(service -> inStartOrder.put(service, ready.get(service)));
        return inStartOrder;
    }

    private CompletableFuture<Void> probe(LaunchedService service, Map<LaunchedService, Duration> ready,
            Map<LaunchedService, String> lastAnswer) {
        HttpRequest request = HttpRequest.newBuilder(service.instance().readinessUri())
            .timeout(REQUEST_TIMEOUT)
            .GET()
            .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            // the moment the answer arrived, not the end of the round, is when the
            // service was ready
            long now = System.nanoTime();
            if (response != null && response.statusCode() == 200) {
                Duration took = service.sinceStart(now);
                ready.put(service, took);
                console.println("[devstack] " + service.name() + " is ready after " + seconds(took));
            }
            else {
                lastAnswer.put(service, response != null ? response.statusCode() + " " + abbreviate(response.body())
                        : describe(failure));
            }
            return null;
        });
    }

    private DevstackException notReady(List<LaunchedService> pending, Map<LaunchedService, String> lastAnswer) {
        String details = pending.stream()
            .map(service -> "  " + service.name() + ": last answer from " + service.instance().readinessUri() + " was "
                    + lastAnswer.getOrDefault(service, "none"))
            .collect(Collectors.joining("\n"));
        String names = pending.stream().map(LaunchedService::name).collect(Collectors.joining(", "));
        return new DevstackException(names + " did not become ready within " + timeout.toSeconds()
                + " s; the output is above, on the lines starting with the service's name in brackets\n" + details);
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof ConnectException) {
            return "connection refused (not listening yet)";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_BODY_CHARS ? oneLine : oneLine.substring(0, MAX_BODY_CHARS) + "...";
    }

    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while waiting for the services", ex);
        }
    }

}
