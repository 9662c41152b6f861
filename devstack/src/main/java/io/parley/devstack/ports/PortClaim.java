package io.parley.devstack.ports;

/**
 * A fixed port the devstack binds, with who binds it and what usually holds it when it is
 * taken.
 */
public record PortClaim(int port, String owner, String usualCulprit) {

    private static final String ANOTHER_DEVSTACK = "is another `./parley up` running? try `./parley down`";

    public static PortClaim redis(int port) {
        return new PortClaim(port, "redis", "is a Redis server already running (a system service: "
                + "`sudo systemctl stop redis-server`) or another `./parley up`? try `./parley down`");
    }

    public static PortClaim postgres(int port) {
        return new PortClaim(port, "postgres", "is a PostgreSQL server already running (a system service: "
                + "`sudo systemctl stop postgresql`) or another `./parley up`? try `./parley down`");
    }

    public static PortClaim kafka(int port, String role) {
        return new PortClaim(port, role,
                "is a Kafka broker already running, or another `./parley up`? " + "try `./parley down`");
    }

    public static PortClaim media(int port, String server) {
        return new PortClaim(port, server, ANOTHER_DEVSTACK);
    }

    public static PortClaim service(int port, String service) {
        return new PortClaim(port, service,
                ANOTHER_DEVSTACK + " (or stop the " + service + " you started from your IDE)");
    }
}
