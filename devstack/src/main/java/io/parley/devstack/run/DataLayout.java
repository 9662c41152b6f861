package io.parley.devstack.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import io.parley.devstack.DevstackException;
import io.parley.harness.OwnerOnlyFiles;

/**
 * Where a devstack keeps its state. Everything lives under one directory (default
 * {@code .parley/} in the checkout, git-ignored), so stopping and starting again keeps
 * meetings, accounts, Kafka topics and the dev signing keys, and deleting that one
 * directory is a full reset.
 */
public record DataLayout(Path root) {

    /** Redis append-only files. */
    public Path redis() {
        return root.resolve("redis");
    }

    /**
     * The PostgreSQL cluster ({@code pgdata/}, made by initdb on first start) and the
     * server's log.
     */
    public Path postgres() {
        return root.resolve("postgres");
    }

    public Path postgresLog() {
        return postgres().resolve("postgres.log");
    }

    /**
     * The password Redis requires, generated at the first start and kept (readable by its
     * owner only) so services and Redis agree across restarts; never in the repository.
     */
    public String redisPassword() {
        Path file = root.resolve("secrets").resolve("redis-password");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            OwnerOnlyFiles.write(file, password + "\n");
            return password;
        }
        catch (IOException | RuntimeException ex) {
            throw new DevstackException("cannot keep the Redis password in " + file + ": " + ex.getMessage()
                    + " (choose another location with --data-dir)", ex);
        }
    }

    /** The KRaft log directory and the broker's generated configuration. */
    public Path kafka() {
        return root.resolve("kafka");
    }

    /**
     * Janus's generated configuration ({@code conf/}, rewritten at every start with new
     * secrets, {@code janus.jcfg} owner-only) and its log.
     */
    public Path janus() {
        return root.resolve("janus");
    }

    /**
     * coturn's generated configuration (owner-only, a new secret at every start), user
     * database, pid file and log.
     */
    public Path coturn() {
        return root.resolve("coturn");
    }

    /**
     * Handed to every service as PARLEY_DATA_DIR (dev keys and other files they keep).
     */
    public Path serviceData() {
        return root.resolve("data");
    }

    /**
     * Where Janus writes each recording's captures ({@code .mjr} files), one folder per
     * recording, and where recording-service picks them up: the same folder for both, as
     * the shared volume is in Kubernetes.
     */
    public Path captures() {
        return janus().resolve("captures");
    }

    /** Finished recordings, as recording-service stores them on the local filesystem. */
    public Path recordings() {
        return root.resolve("recordings");
    }

    /** A redis-server extracted from the embedded-redis jar when the machine has none. */
    public Path bin() {
        return root.resolve("bin");
    }

    /** Unpacked service jars and their class-data-sharing archives (see AppCache). */
    public Path apps() {
        return root.resolve("apps");
    }

    public Path pidFile() {
        return root.resolve("run").resolve("devstack.pid");
    }

    public void create() {
        for (Path dir : new Path[] { root, redis(), postgres(), kafka(), janus(), captures(), coturn(), serviceData(),
                recordings(), bin(), apps(), pidFile().getParent() }) {
            try {
                Files.createDirectories(dir);
            }
            catch (IOException ex) {
                throw new DevstackException(
                        "cannot create " + dir + ": " + ex.getMessage() + " (choose another location with --data-dir)",
                        ex);
            }
        }
    }
}
