package io.parley.harness.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy in front of a real Redis server, spoken to with raw RESP and with Lettuce.
 */
class LatencyProxyIT {

    private static final byte[] PING = "PING\r\n".getBytes(StandardCharsets.US_ASCII);

    private RedisServerProcess redis;

    private LatencyProxy proxy;

    @BeforeEach
    void start() {
        redis = SharedInfrastructure.redis();
        proxy = LatencyProxy.start(redis.host(), redis.port());
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    void forwardsRequestsAndRepliesOnOneConnection() throws IOException {
        try (Socket socket = connect()) {
            assertThat(ping(socket)).isEqualTo("+PONG");
            assertThat(ping(socket)).isEqualTo("+PONG");
            assertThat(proxy.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void holdsEveryChunkBackByTheAddedLatencyInEachDirection() throws IOException {
        Duration latency = Duration.ofMillis(300);
        proxy.setLatency(latency);

        try (Socket socket = connect()) {
            long started = System.nanoTime();
            assertThat(ping(socket)).isEqualTo("+PONG");
            // a lower bound only: the reply cannot come sooner; how much later depends on
            // the machine
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(latency.multipliedBy(2));
        }
        assertThat(proxy.latency()).isEqualTo(latency);
    }

    @Test
    void droppingResetsOpenConnectionsAndLetsNewOnesThrough() throws IOException {
        try (Socket socket = connect()) {
            assertThat(ping(socket)).isEqualTo("+PONG");

            proxy.dropConnections();

            assertThat(pingFails(socket)).isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.openConnections() == 0);
        try (Socket again = connect()) {
            assertThat(ping(again)).isEqualTo("+PONG");
        }
    }

    @Test
    void refusesEveryConnectionUntilItAcceptsAgain() throws IOException {
        proxy.refuseConnections();
        try (Socket refused = connect()) {
            assertThat(pingFails(refused)).isTrue();
        }

        proxy.acceptConnections();

        try (Socket accepted = connect()) {
            assertThat(ping(accepted)).isEqualTo("+PONG");
        }
    }

    @Test
    void aRedisClientReconnectsOnItsOwnAfterItsConnectionWasDropped() {
        RedisClient client = RedisClient.create("redis://" + proxy.host() + ":" + proxy.port());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set("proxied", "before");

            proxy.dropConnections();

            await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(connection.sync().get("proxied")).isEqualTo("before"));
        }
        finally {
            client.shutdown();
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String ping(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(PING);
        out.flush();
        InputStream in = socket.getInputStream();
        return new String(in.readNBytes(7), StandardCharsets.US_ASCII).strip();
    }

    /**
     * A reset connection fails to write or read, or reads the end of the stream; it never
     * answers.
     */
    private static boolean pingFails(Socket socket) {
        try {
            return ping(socket).length() < 5;
        }
        catch (IOException reset) {
            return true;
        }
    }

}
