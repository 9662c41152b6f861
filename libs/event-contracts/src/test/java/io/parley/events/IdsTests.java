package io.parley.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void givesVersionFourUuidsOfTheIetfVariant() {
        UUID id = UUID.fromString(Ids.random());

        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void neverRepeatsItselfInAHundredThousand() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(Ids.random());
        }

        assertThat(seen).hasSize(100_000);
    }

}
