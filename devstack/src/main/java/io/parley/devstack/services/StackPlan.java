package io.parley.devstack.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.parley.devstack.ports.PortClaim;

/**
 * The processes `./parley up` runs and the fixed ports they take. Fixed rather than free
 * ports: the developer, the web client and the docs all expect the gateway at
 * localhost:8080, and each service's application.yml uses the same defaults, so a service
 * started from an IDE next to a partial stack finds the others.
 */
public record StackPlan(List<ServiceInstance> services) {

    public static final int REDIS_PORT = 6379;

    public static final int KAFKA_PORT = 9092;

    public static final int KAFKA_CONTROLLER_PORT = 9093;

    public static final int POSTGRES_PORT = 5432;

    /** people-service's database, created at every start unless it exists. */
    public static final String PEOPLE_DATABASE = "people";

    /**
     * metrics-collector's quality history, a database of its own on the same server,
     * created the same way.
     */
    public static final String QUALITY_DATABASE = "quality";

    /** recording-service's recordings and processing jobs. */
    public static final String RECORDINGS_DATABASE = "recordings";

    static final String SIGNALING = "signaling-service";
    static final String MEETING = "meeting-service";
    static final String STREAM_LIMIT = "stream-limit-service";

    public static final String METRICS_COLLECTOR = "metrics-collector";
    static final String PEOPLE = "people-service";
    static final String RECORDING = "recording-service";

    /** Extra signaling instances count up from here, past people-service's 8085. */
    static final int FIRST_EXTRA_SIGNALING_PORT = 8086;

    public static StackPlan of(int signalingInstances) {
        List<ServiceInstance> services = new ArrayList<>();
        services
            .add(new ServiceInstance(ServiceInstance.GATEWAY, ServiceInstance.GATEWAY, 8080, "PARLEY_GATEWAY_PORT"));
        for (int instance = 1; instance <= signalingInstances; instance++) {
            String name = signalingInstances == 1 ? SIGNALING : SIGNALING + "-" + instance;
            int port = instance == 1 ? 8081 : FIRST_EXTRA_SIGNALING_PORT + instance - 2;
            services.add(new ServiceInstance(name, SIGNALING, port, "PARLEY_SIGNALING_SERVICE_PORT"));
        }
        services.add(new ServiceInstance(MEETING, MEETING, 8082, "PARLEY_MEETING_SERVICE_PORT"));
        services.add(new ServiceInstance(STREAM_LIMIT, STREAM_LIMIT, 8083, "PARLEY_STREAM_LIMIT_SERVICE_PORT"));
        services.add(new ServiceInstance(METRICS_COLLECTOR, METRICS_COLLECTOR, 8084, "PARLEY_METRICS_COLLECTOR_PORT"));
        services.add(new ServiceInstance(PEOPLE, PEOPLE, 8085, "PARLEY_PEOPLE_SERVICE_PORT"));
        // below the gateway, clear of the extra signaling instances counting up from 8086
        services.add(new ServiceInstance(RECORDING, RECORDING, 8079, "PARLEY_RECORDING_SERVICE_PORT"));
        return new StackPlan(List.copyOf(services));
    }

    /**
     * The services that keep data in PostgreSQL, each in a database of its own: every
     * database to create.
     */
    public static List<String> databases() {
        return List.of(PEOPLE_DATABASE, QUALITY_DATABASE, RECORDINGS_DATABASE);
    }

    /** The database a module keeps its data in, if it has one. */
    public static Optional<String> databaseOf(String module) {
        return switch (module) {
            case PEOPLE -> Optional.of(PEOPLE_DATABASE);
            case METRICS_COLLECTOR -> Optional.of(QUALITY_DATABASE);
            case RECORDING -> Optional.of(RECORDINGS_DATABASE);
            default -> Optional.empty();
        };
    }

    public ServiceInstance gateway() {
        return services.stream().filter(ServiceInstance::isGateway).findFirst().orElseThrow();
    }

    public List<ServiceInstance> backends() {
        return services.stream().filter(service -> !service.isGateway()).toList();
    }

    /**
     * The gateway's view of a module: every instance's URL, comma-separated, which it
     * load-balances over.
     */
    public String urisOf(String module) {
        return services.stream()
            .filter(service -> service.module().equals(module))
            .map(ServiceInstance::internalUrl)
            .collect(Collectors.joining(","));
    }

    public List<PortClaim> portClaims() {
        List<PortClaim> claims = new ArrayList<>();
        claims.add(PortClaim.redis(REDIS_PORT));
        claims.add(PortClaim.kafka(KAFKA_PORT, "kafka"));
        claims.add(PortClaim.kafka(KAFKA_CONTROLLER_PORT, "kafka controller"));
        claims.add(PortClaim.postgres(POSTGRES_PORT));
        services.forEach(service -> claims.add(PortClaim.service(service.port(), service.name())));
        claims.add(PortClaim.service(ServiceInstance.GATEWAY_MANAGEMENT_PORT, "gateway (management)"));
        return claims;
    }
}
