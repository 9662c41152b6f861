package io.parley.devstack.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.parley.devstack.ports.PortClaim;

class StackPlanTests {

    @Test
    void oneSignalingInstanceKeepsThePlainName() {
        StackPlan plan = StackPlan.of(1);

        assertThat(plan.services()).extracting(ServiceInstance::name)
            .containsExactly("gateway", "signaling-service", "meeting-service", "stream-limit-service",
                    "metrics-collector", "people-service", "recording-service");
        assertThat(plan.services()).extracting(ServiceInstance::port)
            .containsExactly(8080, 8081, 8082, 8083, 8084, 8085, 8079);
        assertThat(plan.urisOf("signaling-service")).isEqualTo("http://127.0.0.1:8081");
    }

    @Test
    void extraSignalingInstancesAreNumberedFrom8086AndAllGoToTheGateway() {
        StackPlan plan = StackPlan.of(3);

        assertThat(plan.backends()).filteredOn(service -> service.module().equals("signaling-service"))
            .extracting(ServiceInstance::name, ServiceInstance::port)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("signaling-service-1", 8081),
                    org.assertj.core.groups.Tuple.tuple("signaling-service-2", 8086),
                    org.assertj.core.groups.Tuple.tuple("signaling-service-3", 8087));
        assertThat(plan.urisOf("signaling-service"))
            .isEqualTo("http://127.0.0.1:8081,http://127.0.0.1:8086,http://127.0.0.1:8087");
        assertThat(plan.portClaims()).extracting(PortClaim::port)
            .containsExactly(6379, 9092, 9093, 5432, 8080, 8081, 8086, 8087, 8082, 8083, 8084, 8085, 8079, 9080);
    }

    @Test
    void asksTheGatewayForReadinessOnItsManagementPortAndTheBackendsOnTheirOwn() {
        StackPlan plan = StackPlan.of(1);

        assertThat(plan.gateway().readinessUri()).hasToString("http://127.0.0.1:9080/actuator/health/readiness");
        assertThat(plan.backends()).allSatisfy(service -> assertThat(service.readinessUri())
            .hasToString("http://127.0.0.1:" + service.port() + "/actuator/health/readiness"));
    }

    @Test
    void peopleServiceRunsOn8085WithItsPortVariableAndPostgresIsClaimedOn5432() {
        StackPlan plan = StackPlan.of(1);

        assertThat(plan.backends()).filteredOn(service -> service.module().equals("people-service"))
            .singleElement()
            .extracting(ServiceInstance::port, ServiceInstance::portVariable)
            .containsExactly(8085, "PARLEY_PEOPLE_SERVICE_PORT");
        assertThat(plan.urisOf("people-service")).isEqualTo("http://127.0.0.1:8085");
        assertThat(plan.portClaims()).filteredOn(claim -> claim.port() == 5432)
            .singleElement()
            .extracting(PortClaim::owner)
            .isEqualTo("postgres");
    }

}
