package io.parley.devstack.ports;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.parley.devstack.DevstackException;
import io.parley.harness.Ports;

/**
 * Checks every port before anything starts. Finding a taken port half-way through would
 * leave Redis and Kafka running for nothing, and a service that cannot bind only says so
 * deep in its log; one message naming every taken port and its likely holder is what the
 * developer needs.
 */
public final class PortGuard {

    private PortGuard() {
    }

    public static void requireFree(List<PortClaim> claims) {
        List<PortClaim> taken = claims.stream().filter(claim -> isTaken(claim.port())).toList();
        if (taken.isEmpty()) {
            return;
        }
        String lines = taken.stream().map(PortGuard::describe).collect(Collectors.joining("\n"));
        throw new DevstackException("cannot start: "
                + (taken.size() == 1 ? "a port Parley needs is" : taken.size() + " ports Parley needs are")
                + " in use\n" + lines);
    }

    /**
     * Taken if something answers on loopback (what the services connect to) or the
     * wildcard address cannot be bound (what the services listen on); either alone misses
     * a holder bound to only one interface.
     */
    public static boolean isTaken(int port) {
        return Ports.isListening(port) || !canBindWildcard(port);
    }

    private static boolean canBindWildcard(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // a connection of a process that just exited lingers in TIME_WAIT; that must
            // not count as taken
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static String describe(PortClaim claim) {
        Optional<String> holder = PortOwner.find(claim.port());
        return "  port " + claim.port() + " (" + claim.owner() + ") is in use"
                + holder.map(process -> " by " + process).orElse("") + " — " + claim.usualCulprit();
    }

}
