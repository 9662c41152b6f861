package io.parley.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server process on loopback (binaries: {@link PostgresBinaries}). Its
 * cluster lives in {@code <data dir>/pgdata}, created by {@code initdb} on first start
 * (user {@code parley}, trust authentication, UTF-8, C locale) and kept across
 * {@link #stop()}, {@link #kill()} and {@link #restart()}, so committed data survives a
 * restart and, through the write-ahead log (fsync on), a crash. Its log is
 * {@code <data dir>/postgres.log} unless the caller chooses another output. Stop, kill,
 * restart, pause and resume: {@link ServerProcess}.
 * <p>
 * PostgreSQL refuses to run as root, and build machines, CI and containers often are
 * root: there, initdb and postgres run as {@code nobody} in a user namespace;
 * {@link NonRootCommand} says why that and not a switch to another user.
 * <p>
 * The Unix socket goes into a directory of its own under {@code /tmp}: a socket path must
 * fit in 107 bytes, which a data directory deep in a build tree or {@code java.io.tmpdir}
 * on macOS can exceed. Clients use TCP anyway.
 */
public final class PostgresServerProcess extends ServerProcess {

    /** The superuser initdb creates; loopback sessions need no password. */
    public static final String USER = "parley";

    /** The database initdb creates; the one to connect to when no other is named. */
    private static final String DEFAULT_DATABASE = "postgres";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,62}");

    /**
     * duplicate_database, or unique_violation when another session created the same name
     * at the same moment.
     */
    private static final Set<String> ALREADY_EXISTS = Set.of("42P04", "23505");

    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);

    /**
     * Generous: after a kill the server replays its write-ahead log before it accepts
     * sessions.
     */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final PostgresBinaries binaries;

    private final Path dataDir;

    private Path socketDir;

    private PostgresServerProcess(PostgresBinaries binaries, int port, Path dataDir, ChildProcess.Output output) {
        super("PostgreSQL", port, output);
        this.binaries = binaries;
        this.dataDir = dataDir.toAbsolutePath();
    }

    public static PostgresServerProcess start(PostgresBinaries binaries, int port, Path dataDir,
            ChildProcess.Output output) {
        PostgresServerProcess postgres = new PostgresServerProcess(binaries, port, dataDir, output);
        postgres.start();
        return postgres;
    }

    /** Starts on a free port with a log file in the data directory; for tests. */
    public static PostgresServerProcess startOnFreePort(Path dataDir) {
        return start(PostgresBinaries.resolve(), Ports.freePort(), dataDir,
                ChildProcess.Output.toFile(dataDir.resolve("postgres.log")));
    }

    @Override
    ChildProcess launch() {
        Path cluster = dataDir.resolve("pgdata");
        if (!Files.isDirectory(cluster)) {
            initdb(cluster);
        }
        List<String> command = List.of(binaries.postgres().toString(), "-D", cluster.toString(), "-p",
                String.valueOf(port()), "-k", freshSocketDir().toString(), "-c", "listen_addresses=127.0.0.1", "-c",
                "fsync=on");
        return ChildProcess.start("postgres", NonRootCommand.of(command), Map.of(), output());
    }

    /**
     * Into a scratch directory renamed into place on success: a cluster directory is
     * always a complete one.
     */
    private void initdb(Path cluster) {
        Path scratch = cluster.resolveSibling(cluster.getFileName() + ".initdb");
        TempDirs.deleteQuietly(scratch);
        try {
            Files.createDirectories(dataDir);
        }
        catch (IOException ex) {
            throw new HarnessException("Cannot create PostgreSQL data directory " + dataDir, ex);
        }
        List<String> command = List.of(binaries.initdb().toString(), "-D", scratch.toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--locale=C", "--no-instructions");
        ChildProcess initdb = ChildProcess.start("initdb", NonRootCommand.of(command), Map.of(), output());
        if (!initdb.waitFor(INITDB_TIMEOUT) || initdb.exitValue() != 0) {
            initdb.kill();
            throw new HarnessException("initdb failed for " + scratch + " (" + binaries.origin() + ")" + tailOfLog());
        }
        try {
            Files.move(scratch, cluster);
        }
        catch (IOException ex) {
            throw new HarnessException("Cannot move the new PostgreSQL cluster to " + cluster, ex);
        }
    }

    /**
     * A new directory per start; the one a killed server left behind, with its stale lock
     * file, goes first.
     */
    private Path freshSocketDir() {
        TempDirs.deleteQuietly(socketDir);
        try {
            socketDir = Files.createTempDirectory(Path.of("/tmp"), "parley-pg-");
            return socketDir;
        }
        catch (IOException ex) {
            throw new HarnessException("Cannot create a directory for PostgreSQL's socket under /tmp", ex);
        }
    }

    @Override
    void awaitReady(ChildProcess started) {
        pollUntilReady(started, START_TIMEOUT, this::acceptsSessions);
    }

    /**
     * True if the server completes a session's startup and answers a query; accepting TCP
     * alone is not enough.
     */
    public boolean acceptsSessions() {
        try (PostgresSession session = PostgresSession.open(port(), USER, DEFAULT_DATABASE, PROBE_TIMEOUT)) {
            session.execute("SELECT 1");
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /**
     * Creates the database unless it exists, so every service and test class can own one;
     * safe to call again.
     */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a database name the harness creates: '" + name
                    + "' (lower-case letters, digits, '_' and '-', starting with a letter or '_')");
        }
        try (PostgresSession session = PostgresSession.open(port(), USER, DEFAULT_DATABASE, Duration.ofSeconds(10))) {
            session.execute("CREATE DATABASE \"" + name + "\"");
        }
        catch (PostgresSession.ServerError ex) {
            if (!ALREADY_EXISTS.contains(ex.sqlState())) {
                throw new HarnessException(
                        "Cannot create database " + name + " on port " + port() + ": " + ex.getMessage(), ex);
            }
        }
        catch (IOException ex) {
            throw new HarnessException("Cannot reach PostgreSQL on port " + port() + " to create database " + name, ex);
        }
    }

    /**
     * Fast shutdown (SIGINT): open sessions are ended, the server writes a shutdown
     * checkpoint and exits. SIGTERM would be a smart shutdown, which waits until every
     * client disconnects of its own accord, and a test's connection pool never does.
     * Without a kill command to send SIGINT, or past the grace, a crash: the write-ahead
     * log makes up for it.
     */
    @Override
    void shutDown(ChildProcess running) {
        if (!running.interrupt() || !running.waitFor(STOP_GRACE)) {
            running.kill();
        }
    }

    /**
     * Also removes the socket directory, which a server that was never started or was
     * killed leaves behind.
     */
    @Override
    public synchronized void stop() {
        super.stop();
        TempDirs.deleteQuietly(socketDir);
    }

    public String username() {
        return USER;
    }

    /**
     * The database every cluster has; services and tests get their own with
     * {@link #createDatabase}.
     */
    public String database() {
        return DEFAULT_DATABASE;
    }

    public String jdbcUrl() {
        return jdbcUrl(DEFAULT_DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    public String r2dbcUrl() {
        return r2dbcUrl(DEFAULT_DATABASE);
    }

    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

}
