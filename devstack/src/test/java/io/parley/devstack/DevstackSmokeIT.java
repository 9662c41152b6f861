package io.parley.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.parley.devstack.ports.PortGuard;
import io.parley.devstack.run.PidFile;
import io.parley.harness.CoturnServerProcess;
import io.parley.harness.JanusServerProcess;

/**
 * {@code ./parley up} end to end, the way a developer runs it: the script, the launcher,
 * real Redis, PostgreSQL, Kafka, Janus and coturn and the seven service jars the reactor
 * just packaged. Checks that every service is up and reachable through the gateway, that
 * signaling was handed Janus and coturn, then that {@code ./parley down} leaves no
 * process and no bound port behind.
 * <p>
 * It needs the fixed ports (6379, 5432, 9092, 9093, 8079-8085, 9080, 8094-8096, 3480) and
 * {@code janus} and {@code turnserver} installed, and fails, rather than skips, without
 * them: a smoke test that silently does not run is worse than none.
 */
class DevstackSmokeIT {

    private static final List<Integer> FIXED_PORTS = List.of(6379, 5432, 9092, 9093, 8079, 8080, 8081, 8082, 8083, 8084,
            8085, 9080, 8094, 8095, 8096, 3480);

    /**
     * Where each service's /actuator answers: the gateway's management port, the
     * backends' own ports.
     */
    private static final List<Integer> ACTUATOR_PORTS = List.of(9080, 8081, 8082, 8083, 8084, 8085, 8079);

    /**
     * Tests assert no timings (PLATFORM.md §7): on a busy build machine six JVMs starting
     * together can take far longer than the launcher's default wait, so the test gives it
     * more, and waits a little longer itself.
     */
    private static final int READY_TIMEOUT_SECONDS = 300;

    private static final Duration UP_TIMEOUT = Duration.ofSeconds(READY_TIMEOUT_SECONDS + 120);

    private static final String SERVICE_HEADER = "X-Parley-Service";

    /**
     * Requests with an API key pass the gateway's token check and are left to the service
     * (PLATFORM.md §4.1).
     */
    private static final String API_KEY_HEADER = "X-Api-Key";

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();

    private final Path root = repositoryRoot();

    private final Path output = Path.of("target", "devstack-smoke");

    private final List<ProcessHandle> stackProcesses = new ArrayList<>();

    @TempDir
    Path dataDir;

    @Test
    void everyServiceAnswersThroughTheGatewayAndDownLeavesNothingBehind() throws Exception {
        assertThat(FIXED_PORTS.stream().filter(PortGuard::isTaken).toList())
            .as("ports the devstack needs are in use; stop whatever holds them (another ./parley up? "
                    + "try ./parley down)")
            .isEmpty();
        assertThat(JanusServerProcess.findExecutable()).as("janus: sudo apt-get install -y janus").isPresent();
        assertThat(CoturnServerProcess.findExecutable()).as("turnserver: sudo apt-get install -y coturn").isPresent();
        Files.createDirectories(output);
        Path upLog = output.resolve("parley-up.log");
        List<String> stopProblems = new ArrayList<>();
        Process up = new ProcessBuilder(root.resolve("parley").toString(), "up", "--no-build", "--data-dir",
                dataDir.toString(), "--ready-timeout", Integer.toString(READY_TIMEOUT_SECONDS))
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(upLog.toFile())
            .start();
        try {
            await().atMost(UP_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .failFast("./parley up exited before the stack was up; see " + upLog.toAbsolutePath(),
                        () -> !up.isAlive())
                .until(() -> read(upLog).contains("Parley is up: http://localhost:8080"));
            stackProcesses.add(up.toHandle());
            stackProcesses.addAll(up.toHandle().descendants().toList());
            PidFile.Contents recorded = PidFile.at(dataDir.resolve("run").resolve("devstack.pid"))
                .read()
                .orElseThrow(() -> new AssertionError("no pid file in " + dataDir));
            assertThat(recorded.children()).extracting(PidFile.Entry::name)
                .contains("redis", "postgres", "kafka", "janus", "coturn", "gateway", "signaling-service",
                        "meeting-service", "stream-limit-service", "metrics-collector", "people-service",
                        "recording-service");

            assertThat(get("http://127.0.0.1:9080/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(get("http://127.0.0.1:8080/actuator/health/readiness").statusCode())
                .as("the public port serves no /actuator")
                .isEqualTo(404);

            HttpResponse<String> index = get("http://127.0.0.1:8080/api");
            assertThat(index.statusCode()).isEqualTo(200);
            List<Object> endpoints = JsonPath.read(index.body(), "$.endpoints");
            assertThat(endpoints).as("GET /api lists the endpoints").isNotEmpty();

            for (int port : ACTUATOR_PORTS) {
                HttpResponse<String> metrics = get("http://127.0.0.1:" + port + "/actuator/prometheus");
                assertThat(metrics.statusCode()).as("/actuator/prometheus on port %d", port).isEqualTo(200);
                assertThat(metrics.body()).as("metrics of port %d", port).contains("jvm_memory_used_bytes");
            }

            // whatever the status (404 until an endpoint exists, 401 for a made-up API
            // key), the service's own
            // header proves the gateway routed the request to it
            assertThat(routedTo("/api/meetings/x")).contains("meeting-service");
            assertThat(routedTo("/api/streams")).contains("stream-limit-service");
            assertThat(routedTo("/api/quality/meetings/x")).contains("metrics-collector");
            assertThat(routedTo("/api/recordings/x")).contains("recording-service");
            MediaWiring.check(http, read(upLog));
            recorded.children().forEach(child -> child.liveProcess().ifPresent(stackProcesses::add));
        }
        finally {
            // collected, not asserted here: a failure above must not be replaced by one
            // from stopping
            stopProblems.addAll(stop(up));
        }

        assertThat(stopProblems).as("stopping with ./parley down").isEmpty();
        // down sends SIGTERM: the JVM runs the shutdown hook that stops the stack, then
        // exits with 128 + 15
        assertThat(up.exitValue()).as("exit status of ./parley up after ./parley down").isIn(0, 143);
        assertThat(stackProcesses.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList())
            .as("processes of the stack still running after ./parley down")
            .isEmpty();
        assertThat(FIXED_PORTS.stream().filter(PortGuard::isTaken).toList()).as("ports still bound after ./parley down")
            .isEmpty();
        assertThat(dataDir.resolve("run").resolve("devstack.pid")).doesNotExist();
    }

    private List<String> stop(Process up) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        Path downLog = output.resolve("parley-down.log");
        Process down = new ProcessBuilder(root.resolve("parley").toString(), "down", "--data-dir", dataDir.toString())
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(downLog.toFile())
            .start();
        if (!down.waitFor(3, TimeUnit.MINUTES)) {
            down.destroyForcibly();
            problems.add("./parley down did not finish within 3 minutes");
        }
        else if (down.exitValue() != 0) {
            problems.add("./parley down exited with " + down.exitValue() + ": " + read(downLog));
        }
        if (!up.waitFor(1, TimeUnit.MINUTES)) {
            problems.add("./parley up was still running a minute after ./parley down");
        }
        return problems;
    }

    /**
     * Whatever an assertion found left over must not stay on the machine and block the
     * next run.
     */
    @AfterEach
    void killLeftovers() {
        stackProcesses.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private List<String> routedTo(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080" + path))
            .header(API_KEY_HEADER, "devstack-smoke-test")
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.headers().allValues(SERVICE_HEADER);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /**
     * Failsafe passes the reactor root; run from an IDE, the module's parent is the
     * checkout.
     */
    private static Path repositoryRoot() {
        String configured = System.getProperty("parley.root");
        Path candidate = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        Path root = candidate.toAbsolutePath().normalize();
        if (!Files.isExecutable(root.resolve("parley"))) {
            throw new IllegalStateException("no executable ./parley script in " + root);
        }
        return root;
    }

}
