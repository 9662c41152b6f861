package io.parley.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) run from the Kafka jars as a separate
 * JVM. Its log directory survives {@link #stop()} and {@link #restart()}, so records written before a restart
 * are there after it.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String classpath;
    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final ChildProcess.Output output;
    private final List<String> jvmOptions;
    private ChildProcess process;

    private KafkaBrokerProcess(String classpath, int port, int controllerPort, Path dataDir,
            ChildProcess.Output output, List<String> jvmOptions) {
        this.classpath = classpath;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir.toAbsolutePath();
        this.output = output;
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
     * The class path of this JVM; it holds the Kafka jars because this module depends on them. Surefire and
     * Failsafe hide the real class path behind a manifest jar and publish it in a property instead.
     */
    static String currentClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        for (int candidate : new int[] { port, controllerPort }) {
            if (Ports.isListening(candidate)) {
                throw new HarnessException("Port " + candidate + " is already in use; cannot start Kafka there.");
            }
        }
        Path config = writeConfig();
        if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
            format(config);
        }
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:+UseSerialGC", "-Dlogback.configurationFile=" + dataDir.resolve("logback.xml"),
                "-cp", classpath, "kafka.Kafka", config.toString()));
        process = ChildProcess.start("kafka", command, Map.of(), output);
        awaitReady();
    }

    private Path writeConfig() {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
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
        ChildProcess formatter = ChildProcess.start("kafka-format", command, Map.of(), output);
        if (!formatter.waitFor(Duration.ofSeconds(60)) || formatter.exitValue() != 0) {
            formatter.kill();
            throw new HarnessException("Formatting the Kafka log directory failed" + tailOfLog());
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000))) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new HarnessException("Kafka exited with " + process.exitValue() + tailOfLog());
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                }
                catch (Exception notYet) {
                    Ports.sleep(Duration.ofMillis(200));
                }
            }
        }
        throw new HarnessException("Kafka did not become ready within " + START_TIMEOUT + tailOfLog());
    }

    private String tailOfLog() {
        return output.logFile() == null ? "" : "\n" + ChildProcess.readTail(output.logFile(), 4000);
    }

    /** SIGTERM: a controlled shutdown that flushes the log. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    /** SIGKILL: a crash. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.kill();
        }
    }

    public synchronized void restart() {
        stop();
        start();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The server's process id, for pid files and memory figures; empty before the first start. */
    public synchronized OptionalLong pid() {
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }
}
