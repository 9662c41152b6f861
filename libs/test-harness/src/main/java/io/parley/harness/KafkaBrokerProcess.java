package io.parley.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) run from the
 * Kafka jars as a separate JVM. Its log directory survives {@link #stop()} and
 * {@link #restart()}, so records written before a restart are there after it. Stop, kill,
 * restart, pause and resume: {@link ServerProcess}.
 */
public final class KafkaBrokerProcess extends ServerProcess {

    // generous: on a loaded 2-core machine a KRaft broker has been seen to need more than
    // 90 s; one that never
    // starts still fails the run
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String classpath;

    private final int controllerPort;

    private final Path dataDir;

    private final List<String> jvmOptions;

    private KafkaBrokerProcess(String classpath, int port, int controllerPort, Path dataDir, ChildProcess.Output output,
            List<String> jvmOptions) {
        super("Kafka", port, output);
        this.classpath = classpath;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir.toAbsolutePath();
        this.jvmOptions = jvmOptions;
    }

    public static KafkaBrokerProcess start(int port, int controllerPort, Path dataDir, ChildProcess.Output output,
            List<String> jvmOptions) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(currentClasspath(), port, controllerPort, dataDir, output,
                jvmOptions);
        broker.start();
        return broker;
    }

    /** Starts on free ports with a log file in the data directory; for tests. */
    public static KafkaBrokerProcess startOnFreePorts(Path dataDir) {
        return start(Ports.freePort(), Ports.freePort(), dataDir,
                ChildProcess.Output.toFile(dataDir.resolve("kafka.log")), List.of("-Xms128m", "-Xmx512m"));
    }

    /**
     * The class path of this JVM; it holds the Kafka jars because this module depends on
     * them. Surefire and Failsafe hide the real class path behind a manifest jar and
     * publish it in a property instead.
     */
    static String currentClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    @Override
    ChildProcess launch() {
        if (Ports.isListening(controllerPort)) {
            throw new HarnessException("Port " + controllerPort + " is already in use; cannot start Kafka there.");
        }
        Path config = writeConfig();
        if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
            format(config);
        }
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:+UseSerialGC", "-Dlogback.configurationFile=" + dataDir.resolve("logback.xml"),
                "-cp", classpath, "kafka.Kafka", config.toString()));
        return ChildProcess.start("kafka", command, Map.of(), output());
    }

    private Path writeConfig() {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port() + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port());
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.setProperty("log.dirs", dataDir.resolve("log").toString());
        props.setProperty("num.partitions", "3");
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "3");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("auto.create.topics.enable", "false");
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("server.properties");
            try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(writer, "written by the Parley harness");
            }
            Files.writeString(dataDir.resolve("logback.xml"), """
                    <configuration>
                      <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="out"/></root>
                      <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                    </configuration>
                    """, StandardCharsets.UTF_8);
            return file;
        }
        catch (IOException ex) {
            throw new HarnessException("Cannot write Kafka configuration under " + dataDir, ex);
        }
    }

    private void format(Path config) {
        List<String> command = List.of(ChildProcess.javaExecutable(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + dataDir.resolve("logback.xml"), "-cp", classpath,
                "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString());
        ChildProcess formatter = ChildProcess.start("kafka-format", command, Map.of(), output());
        if (!formatter.waitFor(Duration.ofSeconds(60)) || formatter.exitValue() != 0) {
            formatter.kill();
            throw new HarnessException("Formatting the Kafka log directory failed" + tailOfLog());
        }
    }

    @Override
    void awaitReady(ChildProcess started) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000))) {
            pollUntilReady(started, START_TIMEOUT, () -> hasNodes(admin));
        }
    }

    private static boolean hasNodes(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        }
        catch (Exception notYet) {
            return false;
        }
    }

    /** SIGTERM: a controlled shutdown that flushes the log. */
    @Override
    void shutDown(ChildProcess running) {
        running.stop(STOP_GRACE);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port();
    }

}
