package io.parley.harness.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a free loopback port that forwards every connection to one target, for
 * fault tests: a slow network ({@link #setLatency}: each chunk of bytes, in each
 * direction, is delivered that much later, in order, without limiting throughput), a
 * network that cuts every connection ({@link #dropConnections}: both ends get a reset)
 * and one that lets no connection through ({@link #refuseConnections} until
 * {@link #acceptConnections}). A client pointed at {@link #port()} instead of the server
 * sees what a client across such a network would.
 * <p>
 * Plain threads, four per connection: it serves tests, a handful of connections each.
 */
public final class LatencyProxy implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final ServerSocket listener;

    private final InetSocketAddress target;

    private final ExecutorService threads;

    private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();

    private volatile Duration latency = Duration.ZERO;

    private volatile boolean refusing;

    private volatile boolean closed;

    private LatencyProxy(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task,
                    "latency-proxy-" + listener.getLocalPort() + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Listens on a free loopback port and forwards to {@code targetHost:targetPort}, at
     * first without latency.
     */
    public static LatencyProxy start(String targetHost, int targetPort) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            LatencyProxy proxy = new LatencyProxy(listener, new InetSocketAddress(targetHost, targetPort));
            proxy.threads.execute(proxy::acceptLoop);
            return proxy;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(
                    "Cannot listen on a loopback port for a proxy to " + targetHost + ":" + targetPort, ex);
        }
    }

    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Added to every chunk read from then on, in each direction: a request-reply round
     * trip takes twice as long.
     */
    public void setLatency(Duration added) {
        if (added.isNegative()) {
            throw new IllegalArgumentException("Latency cannot be negative: " + added);
        }
        latency = added;
    }

    public Duration latency() {
        return latency;
    }

    /**
     * Resets every open connection at both ends; new connections are forwarded as before.
     */
    public void dropConnections() {
        List.copyOf(connections).forEach(ProxiedConnection::reset);
    }

    /**
     * Resets every open connection and every new one at once, until
     * {@link #acceptConnections()}.
     */
    public void refuseConnections() {
        refusing = true;
        dropConnections();
    }

    /** Forwards new connections again after {@link #refuseConnections()}. */
    public void acceptConnections() {
        refusing = false;
    }

    /** Connections forwarded right now. */
    public int openConnections() {
        return connections.size();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        }
        catch (IOException ignored) {
            // the listener is gone either way
        }
        dropConnections();
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> forward(client));
            }
            catch (IOException ex) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /**
     * A target that cannot be reached is passed on as a reset, as the client would see it
     * without the proxy.
     */
    private void forward(Socket client) {
        if (refusing || closed) {
            ProxiedConnection.resetQuietly(client);
            return;
        }
        Socket upstream = new Socket();
        try {
            upstream.connect(target, (int) CONNECT_TIMEOUT.toMillis());
        }
        catch (IOException ex) {
            ProxiedConnection.resetQuietly(upstream);
            ProxiedConnection.resetQuietly(client);
            return;
        }
        ProxiedConnection connection = new ProxiedConnection(client, upstream, () -> latency, connections::remove);
        connections.add(connection);
        connection.start(threads);
    }

}
