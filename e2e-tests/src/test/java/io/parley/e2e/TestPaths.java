package io.parley.e2e;

import java.nio.file.Path;

/** Where the checkout is and where the tests write their logs and screenshots. */
final class TestPaths {

    private TestPaths() {
    }

    /**
     * The checkout: Failsafe passes the reactor root; from an IDE, the module's parent
     * directory.
     */
    static Path root() {
        String configured = System.getProperty("parley.root");
        return (configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent()).toAbsolutePath()
            .normalize();
    }

    /** {@code target/e2e}: the devstack's log and data, screenshots, browser logs. */
    static Path output() {
        return Path.of(System.getProperty("parley.e2e.output", "target/e2e")).toAbsolutePath();
    }

    static Path screenshots() {
        return output().resolve("screenshots");
    }

}
