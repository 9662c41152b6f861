package io.parley.harness.media;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The first steps of a TURN client over UDP, enough to learn whether a TURN server
 * answers and whether it accepts a credential: a STUN Binding, and an Allocate with
 * long-term credentials (the unauthenticated attempt that earns the realm and nonce, then
 * the signed one). What a browser does first with {@code iceTransportPolicy: 'relay'}.
 */
public final class TurnClient {

    private static final byte[] UDP_TRANSPORT = { 17, 0, 0, 0 };

    private final InetSocketAddress server;

    private final Duration timeout;

    public TurnClient(InetSocketAddress server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    /** True if the server answers a Binding request within the timeout. */
    public boolean answersBinding() {
        StunMessage request = StunMessage.request(StunMessage.BINDING_REQUEST);
        try (DatagramSocket socket = socket()) {
            StunMessage reply = exchange(socket, request, request.encode());
            return reply.type == StunMessage.BINDING_SUCCESS;
        }
        catch (IOException | IllegalArgumentException ex) {
            return false;
        }
    }

    /**
     * Asks for a UDP relay with the given TURN REST username and password; the outcome
     * says whether the server granted it (and where) or the error code it answered.
     */
    public Allocation allocate(String username, String password) throws IOException {
        try (DatagramSocket socket = socket()) {
            StunMessage first = allocateRequest();
            StunMessage challenge = exchange(socket, first, first.encode());
            if (challenge.type != StunMessage.ALLOCATE_ERROR || challenge.errorCode() != 401) {
                return Allocation.of(challenge);
            }
            String realm = challenge.text(StunMessage.REALM);
            StunMessage signed = allocateRequest().with(StunMessage.USERNAME, username)
                .with(StunMessage.REALM, realm)
                .with(StunMessage.NONCE, challenge.attributes.get(StunMessage.NONCE));
            return Allocation.of(exchange(socket, signed, signed.encodeSigned(username, realm, password)));
        }
    }

    private static StunMessage allocateRequest() {
        return StunMessage.request(StunMessage.ALLOCATE_REQUEST).with(StunMessage.REQUESTED_TRANSPORT, UDP_TRANSPORT);
    }

    private DatagramSocket socket() throws IOException {
        DatagramSocket socket = new DatagramSocket();
        socket.setSoTimeout((int) timeout.toMillis());
        return socket;
    }

    /**
     * Sends once and waits for the answer to this transaction; UDP loss is not retried.
     */
    private StunMessage exchange(DatagramSocket socket, StunMessage request, byte[] encoded) throws IOException {
        socket.send(new DatagramPacket(encoded, encoded.length, server));
        byte[] buffer = new byte[1500];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            }
            catch (SocketTimeoutException ex) {
                throw new IOException("No STUN answer from " + server + " within " + timeout, ex);
            }
            StunMessage reply = StunMessage.decode(packet.getData(), packet.getLength());
            if (reply.answers(request)) {
                return reply;
            }
        }
    }

    /**
     * What a TURN server answered an Allocate.
     *
     * @param granted whether it allocated a relay
     * @param relayedAddress the relay's {@code ip:port} when granted
     * @param errorCode the STUN error code when refused (401: the credential was wrong)
     */
    public record Allocation(boolean granted, String relayedAddress, int errorCode) {

        static Allocation of(StunMessage reply) {
            boolean granted = reply.type == StunMessage.ALLOCATE_SUCCESS;
            return new Allocation(granted, reply.xorAddress(StunMessage.XOR_RELAYED_ADDRESS), reply.errorCode());
        }
    }

}
