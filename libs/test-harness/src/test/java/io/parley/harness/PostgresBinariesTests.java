package io.parley.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;

import org.junit.jupiter.api.Test;

class PostgresBinariesTests {

    @Test
    void picksTheBundleOfTheCpu() {
        assertThat(PostgresBinaries.bundleName("Linux", "amd64")).isEqualTo("postgres-linux-x86_64.txz");
        assertThat(PostgresBinaries.bundleName("Linux", "aarch64")).isEqualTo("postgres-linux-arm_64.txz");
    }

    @Test
    void refusesPlatformsWithoutABundleAndSaysHowToUseInstalledBinaries() {
        assertThatThrownBy(() -> PostgresBinaries.bundleName("Mac OS X", "aarch64"))
            .isInstanceOf(HarnessException.class)
            .hasMessageContaining("PARLEY_POSTGRES_BIN");
        assertThatThrownBy(() -> PostgresBinaries.bundleName("Linux", "riscv64")).isInstanceOf(HarnessException.class)
            .hasMessageContaining("PARLEY_POSTGRES_BIN");
    }

    /**
     * The cache is named after VERSION: a new bundle under the old name would never be
     * unpacked.
     */
    @Test
    void theBundleOnTheClassPathIsTheVersionTheCacheIsNamedAfter() {
        String bundle = PostgresBinaries.bundleName(System.getProperty("os.name"), System.getProperty("os.arch"));
        URL resource = PostgresBinaries.class.getResource("/" + bundle);

        assertThat(resource).as(bundle + " on the class path").isNotNull();
        assertThat(resource.toString()).contains("-" + PostgresBinaries.VERSION + ".jar!");
    }

}
