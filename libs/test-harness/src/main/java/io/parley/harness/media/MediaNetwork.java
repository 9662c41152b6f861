package io.parley.harness.media;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.concurrent.ThreadLocalRandom;

import io.parley.harness.HarnessException;

/**
 * Where the media servers the harness starts send and receive media. Janus gathers no
 * loopback ICE candidates and refuses loopback TURN relays, so media runs on the host's
 * own interface address, never 127.0.0.1.
 */
public final class MediaNetwork {

    /** Overrides the address found, e.g. the inside end of a veth pair. */
    public static final String ADDRESS_VARIABLE = "PARLEY_MEDIA_ADDRESS";

    private static final int FIRST_BLOCK_PORT = 20000;

    private static final int BLOCKS = 200;

    private MediaNetwork() {
    }

    /**
     * The first IPv4 address of an interface that is up and is not loopback, or
     * {@value #ADDRESS_VARIABLE} when set.
     */
    public static String hostAddress() {
        String configured = System.getenv(ADDRESS_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        }
        catch (SocketException ex) {
            throw new HarnessException("Cannot list the network interfaces: " + ex.getMessage(), ex);
        }
        throw new HarnessException("No network interface other than loopback has an IPv4 address; media servers "
                + "gather no loopback candidates. Set " + ADDRESS_VARIABLE + " to an address of this host.");
    }

    /**
     * A block of {@code size} UDP ports (at most 100) picked at random between 20000 and
     * 39999, so media servers started side by side rarely share ports; a server that
     * finds one taken moves on to the next in its range.
     */
    public static PortRange udpPortBlock(int size) {
        if (size < 2 || size > 100) {
            throw new IllegalArgumentException("A UDP port block holds 2 to 100 ports, not " + size);
        }
        int first = FIRST_BLOCK_PORT + ThreadLocalRandom.current().nextInt(BLOCKS) * 100;
        return new PortRange(first, first + size - 1);
    }

    /** Inclusive UDP port range. */
    public record PortRange(int min, int max) {

        @Override
        public String toString() {
            return min + "-" + max;
        }
    }

}
