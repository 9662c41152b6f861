package io.parley.devstack.services;

import java.net.URI;

/**
 * One service process of the stack: its display name ({@code signaling-service-2}), the
 * Maven module whose jar it runs, the port it listens on and the environment variable its
 * application.yml reads that port from.
 */
public record ServiceInstance(String name, String module, int port, String portVariable) {

    public static final String GATEWAY = "gateway";

    /**
     * The gateway serves /actuator on a port of its own, never on the public 8080 (its
     * application.yml).
     */
    public static final int GATEWAY_MANAGEMENT_PORT = 9080;

    public boolean isGateway() {
        return module.equals(GATEWAY);
    }

    /**
     * How other processes on this machine reach it; loopback, because that is all the
     * stack binds to use.
     */
    public String internalUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** What the developer types into a browser. */
    public String localUrl() {
        return "http://localhost:" + port;
    }

    /**
     * Where its /actuator answers: the gateway's management port, a backend's own port.
     */
    public String managementUrl() {
        return isGateway() ? "http://127.0.0.1:" + GATEWAY_MANAGEMENT_PORT : internalUrl();
    }

    public URI readinessUri() {
        return URI.create(managementUrl() + "/actuator/health/readiness");
    }
}
