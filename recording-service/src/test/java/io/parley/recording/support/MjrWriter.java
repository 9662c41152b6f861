package io.parley.recording.support;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes RTP packets into a Janus recording (.mjr) exactly as Janus's
 * {@code src/record.c} does: {@code MJR00002}, then at the first packet the JSON header
 * (big-endian length; {@code t}, {@code c}, {@code s} created and {@code u} first-packet
 * time in microseconds), then per packet {@code MEET}, the milliseconds since the first
 * packet (uint32), the length (uint16) and the RTP bytes. Test-only: the Janus of the
 * Debian package records remote publishers' plain RTP not at all, so the tests capture
 * what a real ffmpeg sends.
 */
final class MjrWriter implements AutoCloseable {

    private final DataOutputStream out;

    private final String type;

    private final String codec;

    private final long createdMicros;

    private long firstNanos = -1;

    MjrWriter(Path file, String type, String codec) {
        try {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)));
            out.write("MJR00002".getBytes(StandardCharsets.US_ASCII));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.type = type;
        this.codec = codec;
        this.createdMicros = nowMicros();
    }

    synchronized void write(byte[] packet, int length) throws IOException {
        long now = System.nanoTime();
        if (firstNanos < 0) {
            firstNanos = now;
            byte[] header = "{\"t\":\"%s\",\"c\":\"%s\",\"s\":%d,\"u\":%d}"
                .formatted(type, codec, createdMicros, nowMicros())
                .getBytes(StandardCharsets.UTF_8);
            out.writeShort(header.length);
            out.write(header);
        }
        out.write("MEET".getBytes(StandardCharsets.US_ASCII));
        out.writeInt((int) ((now - firstNanos) / 1_000_000));
        out.writeShort(length);
        out.write(packet, 0, length);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    private static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

}
