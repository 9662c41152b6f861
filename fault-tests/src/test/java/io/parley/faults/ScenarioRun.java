package io.parley.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.faults.Meetings.Participant;
import org.awaitility.Awaitility;

/**
 * One scenario end to end: start the load, let it run, inject the fault, heal it, wait
 * until every client is back and every service answers successfully again, stop the load,
 * then count everything by id.
 */
final class ScenarioRun {

    static final String LOAD = "2 chat pairs across the 2 signaling instances (4 msg/s per peer), "
            + "1 beacon 100 ms after each answer, 2 users starting and ending streams, 1 meeting read every 200 ms, "
            + "1 direct message 250 ms after each answer, to a contact with 2 devices on the user socket";

    private static final Duration STEADY = Duration.ofSeconds(2);

    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(90);

    private ScenarioRun() {
    }

    static ScenarioResult run(String scenario, Fault fault) {
        FaultStack stack = FaultStack.get();
        Meetings meetings = new Meetings(stack.meetings.url());
        List<Participant[]> pairs = new ArrayList<>();
        for (int pair = 0; pair < 2; pair++) {
            Participant host = meetings.create("Ada");
            pairs.add(new Participant[] { host, meetings.join(host.meetingId(), "Grace") });
        }
        String meetingId = pairs.get(0)[0].meetingId();
        Responses responses = new Responses();
        List<StreamLoad> streamLoads = List.of(
                new StreamLoad(meetings.join(meetingId, "Streamer"), stack.streamLimit.url(), responses),
                new StreamLoad(meetings.join(meetingId, "Streamer"), stack.streamLimit.url(), responses));
        List<String> instances = stack.signaling.stream().map(ServiceJvm::url).toList();
        MeetingReader reader = new MeetingReader(stack.meetings.url() + "/api/meetings/" + meetingId, responses);
        try (ChatLoad chat = new ChatLoad(meetings, instances, pairs);
                BeaconLoad beacons = new BeaconLoad(meetings.join(meetingId, "Measurer"), stack.collector.url(),
                        responses);
                DirectMessageLoad directMessages = new DirectMessageLoad(stack.people.url(), instances, responses)) {
            chat.start();
            directMessages.connect();
            Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> chat.allConnected() && directMessages.allConnected());
            beacons.start();
            directMessages.startSending();
            streamLoads.forEach(StreamLoad::start);
            reader.start();
            Pause.of(STEADY);

            fault.inject().accept(stack);
            fault.heal().accept(stack);
            long healedAt = System.nanoTime();
            Awaitility.await()
                .atMost(RECOVERY_LIMIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> chat.allConnected() && directMessages.allConnected()
                        && responses.recoveredAfter(healedAt) >= 0);
            long recovered = responses.recoveredAfter(healedAt);
            Pause.of(STEADY);

            chat.stopSending();
            beacons.stop();
            reader.stop();
            streamLoads.forEach(StreamLoad::stop);
            directMessages.stopSending();
            boolean allReconnected = chat.allConnected() && directMessages.allConnected();
            // at once: a lease the load held would expire (30 s) while the counts below
            // wait
            List<String> lost = new ArrayList<>();
            List<String> extra = new ArrayList<>();
            for (StreamLoad load : streamLoads) {
                StreamLoad.Ledger ledger = load.ledger();
                lost.addAll(ledger.lost());
                extra.addAll(ledger.extra());
                load.endAll();
            }
            Pause.of(Duration.ofSeconds(2));
            ChatLoad.Outcome chatOutcome = chat.count();

            Map<Long, Integer> stored = awaitStored(stack, beacons);
            int beaconsLost = (int) beacons.accepted.stream().filter(at -> !stored.containsKey(at)).count();
            int beaconsDuplicated = (int) stored.values().stream().filter(rows -> rows > 1).count();
            DirectMessageLoad.Outcome directOutcome = directMessages.count();

            ScenarioResult result = new ScenarioResult(scenario, LOAD, chatOutcome, beacons.accepted.size(),
                    beaconsLost, beaconsDuplicated, sum(streamLoads, load -> load.admitted.get()),
                    sum(streamLoads, load -> load.rejected.get()), sum(streamLoads, load -> load.overAdmitted.get()),
                    lost, extra, allReconnected,
                    responses.unavailable("meeting-service") + responses.unavailable("stream-limit-service")
                            + responses.unavailable("metrics-collector") + responses.unavailable("people-service"),
                    responses.improper(), recovered, directOutcome);
            ReliabilityReport.add(result, responses);
            System.out.println(scenario + ": answers " + responses.statusSummary());
            return result;
        }
    }

    private static Map<Long, Integer> awaitStored(FaultStack stack, BeaconLoad beacons) {
        String url = stack.qualityJdbcUrl();
        String user = stack.postgres.username();
        try {
            Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> beacons.stored(url, user).keySet().containsAll(beacons.accepted));
        }
        catch (org.awaitility.core.ConditionTimeoutException ex) {
            // counted below as lost
        }
        return beacons.stored(url, user);
    }

    private static int sum(List<StreamLoad> loads, java.util.function.ToIntFunction<StreamLoad> figure) {
        return loads.stream().mapToInt(figure).sum();
    }

}
