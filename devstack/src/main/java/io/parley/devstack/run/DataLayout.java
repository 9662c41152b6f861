package io.parley.devstack.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.parley.devstack.DevstackException;

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

    /** The KRaft log directory and the broker's generated configuration. */
    public Path kafka() {
        return root.resolve("kafka");
    }

    /**
     * Handed to every service as PARLEY_DATA_DIR (dev keys and other files they keep).
     */
    public Path serviceData() {
        return root.resolve("data");
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
        for (Path dir : new Path[] { root, redis(), postgres(), kafka(), serviceData(), bin(), apps(),
                pidFile().getParent() }) {
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
