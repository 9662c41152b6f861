package io.parley.bench.messages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * Ring latency: callers call callees that each have {@link #DEVICES} devices open, spread over the two signaling
 * instances. Per call: from the caller's {@code POST /api/contacts/{id}/calls} until {@code call-ringing} is on every
 * device of the callee; then the first device answers ({@code POST /api/calls/{id}/answer}) and the latency runs
 * until the other devices have {@code call-ended} with reason {@code answered}; then the caller hangs up. Callees
 * run side by side, each one's calls one after another with a random pause of up to {@code maxPauseMillis} between
 * them, so the calls do not keep step with the outbox relay's period.
 */
final class RingLoad {

    static final int DEVICES = 3;
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A caller, the callee's devices (the first one answers) and their contact. */
    record Line(PeopleClient.SignedIn caller, List<PeopleClient.SignedIn> calleeDevices, String contactId) {
    }

    /** One call as the callee's devices saw it. */
    private static final class Seen {
        final long[] ringing = new long[DEVICES];
        final long[] ended = new long[DEVICES];
        final String[] reasons = new String[DEVICES];
        final CountDownLatch allRinging = new CountDownLatch(DEVICES);
        final CountDownLatch othersStopped = new CountDownLatch(DEVICES - 1);
    }

    record Result(int calls, int callees, Samples ringAll, Samples ringEach, Samples stopAll, Samples stopEach,
            Samples startHttp, Samples answerHttp, long missingRings, long missingStops, long wrongReasons,
            Map<String, Long> failures) {
    }

    private final PeopleClient people;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    RingLoad(PeopleClient people) {
        this.people = people;
    }

    /** The listener of device {@code device} of a callee. */
    void received(int device, long nanos, JsonNode event) {
        String type = event.path("type").asString();
        if (!type.equals("call-ringing") && !type.equals("call-ended")) {
            return;
        }
        Seen call = seen.computeIfAbsent(event.path("callId").asString(), id -> new Seen());
        synchronized (call) {
            if (type.equals("call-ringing") && call.ringing[device] == 0) {
                call.ringing[device] = nanos;
                call.allRinging.countDown();
            }
            else if (type.equals("call-ended") && call.ended[device] == 0) {
                call.ended[device] = nanos;
                call.reasons[device] = event.path("reason").asString();
                if (device > 0) {
                    call.othersStopped.countDown();
                }
            }
        }
    }

    Result run(List<Line> lines, int callsPerLine, int maxPauseMillis) throws InterruptedException {
        Result result = new Result(callsPerLine * lines.size(), lines.size(), new Samples(), new Samples(),
                new Samples(), new Samples(), new Samples(), new Samples(), 0, 0, 0, new TreeMap<>());
        long[] missing = new long[3];
        List<Thread> threads = new ArrayList<>();
        for (Line line : lines) {
            Thread thread = new Thread(() -> {
                try {
                    for (int n = 0; n < callsPerLine; n++) {
                        Thread.sleep(ThreadLocalRandom.current().nextInt(maxPauseMillis + 1));
                        callOnce(line, result, missing);
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }, "ring-" + threads.size());
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(result.calls(), result.callees(), result.ringAll(), result.ringEach(), result.stopAll(),
                result.stopEach(), result.startHttp(), result.answerHttp(), missing[0], missing[1], missing[2],
                result.failures());
    }

    private void callOnce(Line line, Result result, long[] missing) throws InterruptedException {
        long start = System.nanoTime();
        PeopleClient.Answer started = people.startCall(line.caller().accessToken(), line.contactId()).block(WAIT);
        result.startHttp().add(System.nanoTime() - start);
        if (started == null || started.status() != 201) {
            fail(result, "start " + (started == null ? "no answer" : started.status() + " " + started.body()));
            return;
        }
        String callId = started.json().path("callId").asString();
        Seen call = seen.computeIfAbsent(callId, id -> new Seen());
        if (!call.allRinging.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            count(missing, 0, call.allRinging.getCount());
        }
        synchronized (call) {
            long last = 0;
            for (long at : call.ringing) {
                if (at != 0) {
                    result.ringEach().add(at - start);
                    last = Math.max(last, at);
                }
            }
            if (call.allRinging.getCount() == 0) {
                result.ringAll().add(last - start);
            }
        }
        long answering = System.nanoTime();
        PeopleClient.Answer answered = people.answer(line.calleeDevices().get(0).accessToken(), callId).block(WAIT);
        result.answerHttp().add(System.nanoTime() - answering);
        if (answered == null || answered.status() != 200) {
            fail(result, "answer " + (answered == null ? "no answer" : answered.status() + " " + answered.body()));
        }
        else {
            if (!call.othersStopped.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                count(missing, 1, call.othersStopped.getCount());
            }
            recordStops(call, answering, result, missing);
        }
        PeopleClient.Answer hungUp = people.hangUp(line.caller().accessToken(), callId).block(WAIT);
        if (hungUp == null || hungUp.status() != 204) {
            fail(result, "hang-up " + (hungUp == null ? "no answer" : hungUp.status() + " " + hungUp.body()));
        }
    }

    private static void recordStops(Seen call, long answering, Result result, long[] missing) {
        synchronized (call) {
            long last = 0;
            for (int device = 1; device < DEVICES; device++) {
                if (call.ended[device] == 0) {
                    continue;
                }
                result.stopEach().add(call.ended[device] - answering);
                last = Math.max(last, call.ended[device]);
                if (!"answered".equals(call.reasons[device])) {
                    count(missing, 2, 1);
                }
            }
            if (call.othersStopped.getCount() == 0) {
                result.stopAll().add(last - answering);
            }
        }
    }

    private static synchronized void count(long[] missing, int which, long how) {
        missing[which] += how;
    }

    private static void fail(Result result, String what) {
        synchronized (result.failures()) {
            result.failures().merge(what.length() > 160 ? what.substring(0, 160) : what, 1L, Long::sum);
        }
    }
}
