package io.parley.harness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * POSIX signals Java has no call for (SIGINT, SIGSTOP, SIGCONT), sent with the
 * {@code kill} command: {@link Process} offers only SIGTERM and SIGKILL.
 */
final class Signals {

    private Signals() {
    }

    /**
     * True if {@code kill} delivered the signal to every process; false if one was gone
     * or kill is missing.
     */
    static boolean send(String signal, List<Long> pids) {
        if (pids.isEmpty()) {
            return true;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor() == 0;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
