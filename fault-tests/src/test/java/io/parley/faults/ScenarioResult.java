package io.parley.faults;

import java.util.List;
import java.util.stream.Stream;

/**
 * The figures of one scenario, as docs/reliability.md shows them, and what the assertions
 * check.
 */
record ScenarioResult(String scenario, String load, ChatLoad.Outcome chat, int beaconsAccepted, int beaconsLost,
        int beaconsDuplicated, int streamsAdmitted, int streamsRejected, int streamsOverAdmitted,
        List<String> streamsLost, List<String> streamsExtra, boolean allReconnected, long unavailableAnswers,
        List<String> improperAnswers, long recoveryMillis, DirectMessageLoad.Outcome directMessages) {

    /** Every client's reconnects: chat peers' meeting sockets and the user sockets. */
    List<Long> reconnectMillis() {
        return Stream.concat(chat.reconnectMillis().stream(), directMessages.reconnectMillis().stream()).toList();
    }

    long reconnectPercentile(double percentile) {
        List<Long> sorted = reconnectMillis().stream().sorted().toList();
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

}
