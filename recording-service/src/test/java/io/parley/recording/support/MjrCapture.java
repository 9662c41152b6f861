package io.parley.recording.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One participant's capture as Janus leaves it: a real {@code ffmpeg} sends a test
 * pattern (VP8) and a tone (Opus) as RTP, in real time, to two UDP sockets of the test,
 * and every RTP packet lands in {@code <prefix>-video-1.mjr} and
 * {@code <prefix>-audio-0.mjr} (prefix {@code <participantId>-<epochMillis>}, as the
 * contract names Janus's files).
 */
public final class MjrCapture {

    private MjrCapture() {
    }

    /**
     * Records {@code length} of one participant into {@code folder}; blocks until done.
     */
    public static void record(Path folder, String participantId, Duration length, int toneHz) {
        String prefix = participantId + "-" + System.currentTimeMillis();
        try (DatagramSocket video = socket();
                DatagramSocket audio = socket();
                MjrWriter videoFile = new MjrWriter(folder.resolve(prefix + "-video-1.mjr"), "v", "vp8");
                MjrWriter audioFile = new MjrWriter(folder.resolve(prefix + "-audio-0.mjr"), "a", "opus")) {
            Thread videoReader = started(() -> drain(video, videoFile));
            Thread audioReader = started(() -> drain(audio, audioFile));
            double seconds = length.toMillis() / 1000.0;
            Process ffmpeg = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
                    "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=15:duration=" + seconds, "-re", "-f",
                    "lavfi", "-i", "sine=frequency=" + toneHz + ":sample_rate=48000:duration=" + seconds, "-map", "0:v",
                    "-c:v", "libvpx", "-deadline", "realtime", "-b:v", "300k", "-payload_type", "96", "-ssrc", "1",
                    "-f", "rtp", rtp(video), "-map", "1:a", "-c:a", "libopus", "-payload_type", "111", "-ssrc", "2",
                    "-f", "rtp", rtp(audio)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
            if (!ffmpeg.waitFor(length.toSeconds() + 30, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
                ffmpeg.destroyForcibly();
                throw new IllegalStateException("ffmpeg did not send the test media");
            }
            // the last packets are in flight for a moment
            Thread.sleep(300);
            video.close();
            audio.close();
            videoReader.join();
            audioReader.join();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work, "mjr-capture");
        thread.start();
        return thread;
    }

    private static DatagramSocket socket() throws SocketException {
        DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        socket.setReceiveBufferSize(4 * 1024 * 1024);
        socket.setSoTimeout(200);
        return socket;
    }

    /** RTCP goes to the same socket and is dropped there: Janus records RTP only. */
    private static String rtp(DatagramSocket socket) {
        return "rtp://127.0.0.1:" + socket.getLocalPort() + "?rtcpport=" + socket.getLocalPort() + "&pkt_size=1200";
    }

    private static void drain(DatagramSocket socket, MjrWriter file) {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                int payloadType = buffer[1] & 0xFF;
                boolean rtcp = payloadType >= 200 && payloadType <= 204;
                if (packet.getLength() > 12 && !rtcp) {
                    file.write(buffer, packet.getLength());
                }
            }
            catch (SocketTimeoutException ex) {
                // look again whether the socket was closed
            }
            catch (IOException ex) {
                return;
            }
        }
    }

}
