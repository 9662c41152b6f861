package io.parley.harness;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A real S3 server: s3proxy (github.com/gaul/s3proxy) on loopback, run with
 * {@code java -jar} from its self-contained jar and keeping its buckets as folders in its
 * data directory (jclouds' filesystem provider), with AWS signature v2 or v4 checked
 * against an identity and credential of its own. The jar is never on a classpath: a
 * module that uses this copies {@code org.gaul:s3proxy:jar-with-dependencies} with
 * maven-dependency-plugin and names it to its tests in the system property
 * {@value #JAR_PROPERTY} (recording-service's pom shows how). Stop, kill, restart, pause
 * and resume: {@link ServerProcess}.
 */
public final class S3ProxyProcess extends ServerProcess {

    /** The system property that names the s3proxy jar. */
    public static final String JAR_PROPERTY = "parley.s3proxy.jar";

    /** The region clients sign for; s3proxy accepts any. */
    public static final String REGION = "us-east-1";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path jar;

    private final Path dataDir;

    private final String accessKey;

    private final String secretKey;

    private S3ProxyProcess(Path jar, int port, Path dataDir, ChildProcess.Output output) {
        super("s3proxy", port, output);
        this.jar = jar;
        this.dataDir = dataDir.toAbsolutePath();
        this.accessKey = "parley-" + random(8);
        this.secretKey = random(20);
    }

    public static S3ProxyProcess start(Path jar, int port, Path dataDir, ChildProcess.Output output) {
        S3ProxyProcess s3 = new S3ProxyProcess(jar, port, dataDir, output);
        s3.start();
        return s3;
    }

    /** Starts on a free port with a log file in the data directory; for tests. */
    public static S3ProxyProcess startOnFreePort(Path dataDir) {
        return start(requireJar(), Ports.freePort(), dataDir,
                ChildProcess.Output.toFile(dataDir.resolve("s3proxy.log")));
    }

    /**
     * The jar the system property {@value #JAR_PROPERTY} names; fails if there is none.
     */
    public static Path requireJar() {
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured == null || configured.isBlank()) {
            throw new HarnessException("The system property " + JAR_PROPERTY + " does not name the s3proxy jar. "
                    + "Run the tests through Maven (failsafe sets it to the jar that maven-dependency-plugin "
                    + "copies into target/s3proxy before the integration tests), or set it to "
                    + "org.gaul:s3proxy:<version>:jar-with-dependencies from ~/.m2.");
        }
        Path jar = Path.of(configured);
        if (!Files.isRegularFile(jar)) {
            throw new HarnessException("The s3proxy jar " + jar + " (system property " + JAR_PROPERTY
                    + ") does not exist; 'mvn verify' copies it there before the integration tests.");
        }
        return jar;
    }

    @Override
    ChildProcess launch() {
        Path blobs = dataDir.resolve("blobs");
        try {
            Files.createDirectories(blobs);
        }
        catch (IOException ex) {
            throw new HarnessException("Cannot create the s3proxy data directory " + blobs, ex);
        }
        // the secret key is in a file only its owner reads, not on the command line;
        // unknown x-amz headers are ignored as AWS and other S3 servers do (s3proxy
        // 4.1 refuses the AWS SDK's x-amz-mp-object-size on completing a multipart
        // upload with 501)
        Path properties = OwnerOnlyFiles.write(dataDir.resolve("s3proxy.properties"),
                String.join("\n", "s3proxy.endpoint=" + endpoint(), "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.ignore-unknown-headers=true", "s3proxy.identity=" + accessKey,
                        "s3proxy.credential=" + secretKey, "jclouds.provider=filesystem",
                        "jclouds.identity=" + accessKey, "jclouds.credential=" + secretKey,
                        "jclouds.filesystem.basedir=" + blobs, ""));
        List<String> command = List.of(ChildProcess.javaExecutable(), "-Xms32m", "-Xmx256m", "-jar", jar.toString(),
                "--properties", properties.toString());
        return ChildProcess.start("s3proxy", command, Map.of(), output());
    }

    @Override
    void awaitReady(ChildProcess started) {
        pollUntilReady(started, START_TIMEOUT, this::answers);
    }

    @Override
    void shutDown(ChildProcess running) {
        running.stop(STOP_GRACE);
    }

    /** True when it answers HTTP, whatever the status (403 to an unsigned request). */
    public boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(500);
            try {
                return connection.getResponseCode() > 0;
            }
            finally {
                connection.disconnect();
            }
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** The S3 API; buckets are addressed path-style ({@code <endpoint>/<bucket>}). */
    public URI endpoint() {
        return URI.create("http://" + host() + ":" + port());
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** Where the buckets are: a folder each, an object a file in it. */
    public Path blobs() {
        return dataDir.resolve("blobs");
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

}
