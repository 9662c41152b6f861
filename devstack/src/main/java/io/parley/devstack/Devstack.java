package io.parley.devstack;

import java.nio.file.Path;
import java.util.List;

import io.parley.devstack.down.DownCommand;
import io.parley.devstack.up.UpCommand;
import io.parley.devstack.up.UpOptions;
import io.parley.harness.HarnessException;

/**
 * The launcher behind {@code ./parley}: {@code up} runs Redis, PostgreSQL, Kafka and
 * every service on this machine as child processes and stays in the foreground until
 * Ctrl-C or {@code down}; {@code down} stops a running {@code up}. Plain Java on purpose:
 * it has to start in well under a second and must not share a Spring context with the
 * services it supervises.
 */
public final class Devstack {

    private Devstack() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        // `./parley --json-logs` means `./parley up --json-logs`
        boolean implicitUp = arguments.isEmpty()
                || arguments.get(0).startsWith("--") && !arguments.get(0).equals("--help");
        String command = implicitUp ? "up" : arguments.get(0);
        List<String> rest = implicitUp ? arguments : arguments.subList(1, arguments.size());
        try {
            int status = switch (command) {
                case "up" -> new UpCommand(UpOptions.parse(rest, repositoryRoot())).run();
                case "down" -> new DownCommand(DownCommand.dataDir(rest, repositoryRoot())).run();
                case "help", "--help", "-h" -> {
                    System.out.print(Usage.TEXT);
                    yield 0;
                }
                default -> throw new DevstackException("unknown command '" + command + "'\n\n" + Usage.TEXT);
            };
            System.exit(status);
        }
        catch (DevstackException | HarnessException ex) {
            System.err.println("parley: " + ex.getMessage());
            System.exit(1);
        }
    }

    /**
     * The checkout the service jars are taken from: the script passes it, a direct run
     * uses the working directory.
     */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("parley.root", ".")).toAbsolutePath().normalize();
    }

}
