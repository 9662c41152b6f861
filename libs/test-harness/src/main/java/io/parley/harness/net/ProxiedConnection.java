package io.parley.harness.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One client connection through a {@link LatencyProxy} and its connection to the target.
 * Each direction has a reader, which stamps every chunk with the time it is due (read
 * time plus the latency then), and a writer, which delivers the chunks in order once due:
 * latency delays the bytes without limiting how many are in flight, as a long link does.
 * When either side closes, what is in flight is still delivered, then both are closed.
 */
final class ProxiedConnection {

    private static final int CHUNK = 16 * 1024;

    private final Socket client;

    private final Socket upstream;

    private final Supplier<Duration> latency;

    private final Consumer<ProxiedConnection> onClosed;

    private final List<Future<?>> pumps = new CopyOnWriteArrayList<>();

    private final AtomicBoolean closed = new AtomicBoolean();

    ProxiedConnection(Socket client, Socket upstream, Supplier<Duration> latency,
            Consumer<ProxiedConnection> onClosed) {
        this.client = client;
        this.upstream = upstream;
        this.latency = latency;
        this.onClosed = onClosed;
    }

    void start(ExecutorService threads) {
        pump(threads, client, upstream);
        pump(threads, upstream, client);
    }

    /**
     * Both ends get a reset (RST), as when a network device between them forgets the
     * connection.
     */
    void reset() {
        close(true);
    }

    static void resetQuietly(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        }
        catch (IOException ignored) {
            // not connected: closing is all there is to do
        }
        closeQuietly(socket);
    }

    private void pump(ExecutorService threads, Socket from, Socket to) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        pumps.add(threads.submit(() -> read(from, queue)));
        pumps.add(threads.submit(() -> write(queue, to)));
        // a pump that closed the connection before the others were listed could not
        // cancel them
        if (closed.get()) {
            pumps.forEach(pump -> pump.cancel(true));
        }
    }

    private void read(Socket from, BlockingQueue<Chunk> queue) {
        byte[] buffer = new byte[CHUNK];
        try {
            InputStream in = from.getInputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                queue.add(new Chunk(dueTime(), Arrays.copyOf(buffer, read)));
            }
            queue.add(new Chunk(dueTime(), null));
        }
        catch (IOException ex) {
            close(false);
        }
    }

    private void write(BlockingQueue<Chunk> queue, Socket to) {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Chunk chunk = queue.take();
                long wait = chunk.dueNanos() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (chunk.bytes() == null) {
                    close(false);
                    return;
                }
                out.write(chunk.bytes());
                out.flush();
            }
        }
        catch (IOException ex) {
            close(false);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private long dueTime() {
        return System.nanoTime() + latency.get().toNanos();
    }

    private void close(boolean reset) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (reset) {
            resetQuietly(client);
            resetQuietly(upstream);
        }
        else {
            closeQuietly(client);
            closeQuietly(upstream);
        }
        pumps.forEach(pump -> pump.cancel(true));
        onClosed.accept(this);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ignored) {
            // closed already: nothing left to release
        }
    }

    /**
     * Bytes read at one time and when they are due at the other side; no bytes marks the
     * end of the stream.
     */
    private record Chunk(long dueNanos, byte[] bytes) {
    }

}
