package io.parley.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of every scenario run in this JVM, rewritten to
 * {@code target/reliability.md} after each one, so a failed run still shows how far it
 * came; {@code fault-tests/update-reliability-doc.sh} copies the table into
 * docs/reliability.md.
 */
final class ReliabilityReport {

    private static final List<String> ROWS = new ArrayList<>();

    private ReliabilityReport() {
    }

    static synchronized void add(ScenarioResult result, Responses responses) {
        DirectMessageLoad.Outcome direct = result.directMessages();
        ROWS.add(String.format(
                "| %s | %d / %d / %d / %d | %d / %d / %d | %d / %d / %d / %d | %d / %d / %d / %d / %d | %s | %s | %s | %d | %s |",
                result.scenario(), result.chat().accepted(), result.chat().lost(), result.chat().duplicated(),
                result.chat().missedLive(), result.beaconsAccepted(), result.beaconsLost(), result.beaconsDuplicated(),
                result.streamsAdmitted() + result.streamsRejected(), result.streamsLost().size(),
                result.streamsExtra().size(), result.streamsOverAdmitted(), direct.accepted(), direct.lost(),
                direct.duplicated(), direct.missedLive(), direct.slowestDeliveryMillis(),
                result.reconnectMillis().isEmpty() ? "none"
                        : result.reconnectMillis().size() + " in " + result.reconnectPercentile(50) + " / "
                                + result.reconnectPercentile(99) + " ms",
                responses.unavailableSummary(),
                result.improperAnswers().isEmpty() ? "none" : String.valueOf(result.improperAnswers().size()),
                result.recoveryMillis(), result.allReconnected() ? "yes" : "no"));
        write();
    }

    private static void write() {
        StringBuilder table = new StringBuilder();
        table.append("Load in every scenario: ").append(ScenarioRun.LOAD).append(".\n\n");
        table.append("| scenario | chat accepted / lost / duplicated / missed live | beacons 204 / lost / duplicated"
                + " | stream decisions / lost / extra / over-admitted"
                + " | direct messages accepted / lost / duplicated / missed live / slowest (ms) | reconnects p50 / p99 | 503 answers"
                + " | other 5xx | recovery (ms) | all clients back |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|\n");
        ROWS.forEach(row -> table.append(row).append('\n'));
        Path file = FaultStack.output().resolve("reliability.md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, table.toString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
