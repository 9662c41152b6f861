package io.parley.devstack;

/**
 * The help text; kept in one place so `./parley help` and a wrong argument print the same
 * thing.
 */
public final class Usage {

    public static final String TEXT = """
            Usage: ./parley [up] [options]     start Redis, PostgreSQL, Kafka, every Parley service and, when
                                               installed, Janus and coturn; Ctrl-C stops them
                   ./parley down [--data-dir DIR]
                                               stop a running `./parley up`
                   ./parley help

            Options for up:
              --signaling-instances N  run N signaling-service instances (8081, then 8086, 8087, ...) behind the
                                       gateway's load balancer (default 1)
              --data-dir DIR           where Redis, PostgreSQL, Kafka and the services keep their data
                                       (default .parley)
              --json-logs              services log ECS JSON lines instead of plain text
              --ready-timeout SECONDS  how long to wait for every service to be ready (default 120)
              --embedded-redis         use the redis-server bundled with embedded-redis even if one is installed
              --fat-jars               run the services straight from their jars: no unpacked copy, no
                                       class-data-sharing archive (slower start; for comparison)
              --no-build               do not rebuild, even when sources are newer than the last build

            Environment:
              JAVA_HOME                the JDK (17 or newer) to build and run with
              PARLEY_REDIS_SERVER      the redis-server binary to use instead of the one on PATH
              PARLEY_POSTGRES_BIN      a directory with initdb and postgres to use instead of the bundled ones
              PARLEY_POSTGRES_CACHE    where the bundled PostgreSQL is unpacked (default
                                       ~/.cache/parley/postgres-17.6.0)
              PARLEY_DEVSTACK_JVM_OPTS JVM options for every service, replacing the launcher's defaults
              PARLEY_JANUS, PARLEY_TURNSERVER
                                       the janus and turnserver binaries to use instead of those on PATH

            See docs/devstack.md.
            """;

    private Usage() {
    }

}
