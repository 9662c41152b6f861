package io.parley.bench.messages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The people of the run, made through the REST API as a person would: accounts signed up, contacts requested by
 * email and accepted, devices signed in and their user sockets opened, each on the signaling instance the load needs.
 */
final class Population {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final int OPEN_ATTEMPTS = 3;
    /** Sign-ups at once: each is an Argon2id hash, and the service hashes two at a time. */
    private static final int SIGN_UPS_AT_ONCE = 4;

    private final PeopleClient people;
    private final Stack stack;
    private final String password;
    private final Cleanup cleanup;
    private final List<UserSocket> sockets = new ArrayList<>();

    Population(PeopleClient people, Stack stack, String password, Cleanup cleanup) {
        this.people = people;
        this.stack = stack;
        this.password = password;
        this.cleanup = cleanup;
    }

    /** {@code count} conversations, senders' devices on signaling-a, recipients' on signaling-b. */
    MessageLoad conversations(int count) throws Exception {
        List<PeopleClient.SignedIn> senders = signUp("sender-", count);
        List<PeopleClient.SignedIn> recipients = signUp("recipient-", count);
        MessageLoad load = new MessageLoad(people);
        for (int i = 0; i < count; i++) {
            PeopleClient.SignedIn sender = senders.get(i);
            PeopleClient.SignedIn recipient = recipients.get(i);
            String contactId = people.makeContacts(sender, recipient);
            UserSocket senderSocket = open(stack.signalingA(), sender, "sender " + i,
                    (socket, nanos, event) -> load.received(false, nanos, event));
            UserSocket recipientSocket = open(stack.signalingB(), recipient, "recipient " + i,
                    (socket, nanos, event) -> load.received(true, nanos, event));
            load.add(new Conversation(sender, recipient, contactId, senderSocket, recipientSocket));
        }
        awaitCaughtUp();
        return load;
    }

    /**
     * {@code count} callers, each with a callee of {@link RingLoad#DEVICES} devices (the sign-up's session and two
     * more sign-ins), callee {@code k}'s device {@code d} on signaling-a when {@code d + k} is even, else on -b.
     */
    List<RingLoad.Line> lines(int count, RingLoad rings) throws Exception {
        List<PeopleClient.SignedIn> callers = signUp("caller-", count);
        List<PeopleClient.SignedIn> callees = signUp("callee-", count);
        List<RingLoad.Line> lines = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            List<PeopleClient.SignedIn> devices = new ArrayList<>(List.of(callees.get(k)));
            while (devices.size() < RingLoad.DEVICES) {
                devices.add(people.signIn(callees.get(k), password));
            }
            String contactId = people.makeContacts(callers.get(k), callees.get(k));
            for (int d = 0; d < RingLoad.DEVICES; d++) {
                int device = d;
                open((d + k) % 2 == 0 ? stack.signalingA() : stack.signalingB(), devices.get(d),
                        "callee " + k + " device " + d, (socket, nanos, event) -> rings.received(device, nanos, event));
            }
            lines.add(new RingLoad.Line(callers.get(k), devices, contactId));
        }
        awaitCaughtUp();
        return lines;
    }

    /** Sockets that ended before the benchmark closed them, and how. */
    List<String> unexpectedEnds() {
        List<String> ended = new ArrayList<>();
        for (UserSocket socket : sockets) {
            String how = socket.unexpectedEnd();
            if (how != null) {
                ended.add(socket.label() + ": " + how);
            }
        }
        return ended;
    }

    private List<PeopleClient.SignedIn> signUp(String prefix, int count) {
        return Flux.range(0, count)
            .flatMapSequential(n -> Mono.fromCallable(() -> people.signUp(prefix + n + "@bench.example", password))
                .subscribeOn(Schedulers.boundedElastic()), SIGN_UPS_AT_ONCE)
            .collectList()
            .block(Duration.ofMinutes(5));
    }

    private UserSocket open(Service signaling, PeopleClient.SignedIn device, String label,
            UserSocket.Listener listener) {
        UserSocket socket = UserSocket.open(signaling, device.accessToken(), label, listener);
        sockets.add(socket);
        cleanup.add(socket::close);
        return socket;
    }

    private void awaitCaughtUp() throws Exception {
        for (UserSocket socket : sockets) {
            socket.awaitCaughtUp(CATCH_UP, OPEN_ATTEMPTS);
        }
    }
}
