package io.parley.devstack.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.parley.devstack.ports.PortClaim;
import io.parley.devstack.services.StackPlan;

class MediaPlanTests {

    private static final Optional<Path> INSTALLED = Optional.of(Path.of("/usr/bin/installed"));

    @Test
    void claimsJanusThreePortsAndCoturnsOneWhenBothAreInstalled() {
        MediaPlan plan = new MediaPlan(INSTALLED, INSTALLED);

        assertThat(plan.portClaims()).extracting(PortClaim::port, PortClaim::owner)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(8094, "janus"),
                    org.assertj.core.groups.Tuple.tuple(8095, "janus websocket"),
                    org.assertj.core.groups.Tuple.tuple(8096, "janus admin"),
                    org.assertj.core.groups.Tuple.tuple(3480, "coturn"));
        assertThat(plan.missing()).isEmpty();
    }

    @Test
    void takesNoPortOfTheServicesEvenWithEightSignalingInstancesNorTheSystemServicesDefaults() {
        List<Integer> media = new MediaPlan(INSTALLED, INSTALLED).portClaims().stream().map(PortClaim::port).toList();

        assertThat(StackPlan.of(8).portClaims()).extracting(PortClaim::port).doesNotContainAnyElementsOf(media);
        assertThat(media).as("what the janus and coturn packages' own services hold until disabled")
            .doesNotContain(8088, 8188, 7088, 3478, 3479);
    }

    @Test
    void saysInOneLineEachWhatMeetingsGoWithoutAndHowToInstallIt() {
        MediaPlan plan = new MediaPlan(Optional.empty(), Optional.empty());

        assertThat(plan.portClaims()).isEmpty();
        assertThat(plan.missing()).satisfiesExactly(
                janus -> assertThat(janus).contains("meetings stay peer-to-peer")
                    .contains("sudo apt-get install -y janus")
                    .doesNotContain("\n"),
                coturn -> assertThat(coturn).contains("no TURN relay")
                    .contains("sudo apt-get install -y coturn")
                    .doesNotContain("\n"));
    }

    @Test
    void onlyTheMissingOneIsMentioned() {
        assertThat(new MediaPlan(INSTALLED, Optional.empty()).missing()).singleElement()
            .asString()
            .startsWith("turnserver is not installed");
        assertThat(new MediaPlan(Optional.empty(), INSTALLED).portClaims()).extracting(PortClaim::port)
            .containsExactly(3480);
    }

}
