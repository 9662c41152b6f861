package io.parley.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Browsers a test (or a test class) opened. {@link BrowsersExtension} quits them
 * afterwards; when a test failed it first saves a screenshot and the console log of each
 * under {@code target/e2e}.
 */
final class Browsers implements AutoCloseable {

    private final List<Browser> open = new ArrayList<>();

    Browser open(String name) {
        return open(name, Browser.Media.ALLOWED);
    }

    Browser open(String name, Browser.Media media) {
        Browser browser = Browser.open(name, media);
        open.add(browser);
        return browser;
    }

    void captureFailure(String testName) {
        for (Browser browser : open) {
            String prefix = testName + "-" + browser.name();
            try {
                browser.screenshot(prefix + "-failure");
                Path logs = TestPaths.output().resolve("browser-logs");
                Files.createDirectories(logs);
                Files.write(logs.resolve(prefix + ".log"), browser.consoleLog(), StandardCharsets.UTF_8);
            }
            catch (IOException | RuntimeException ex) {
                System.err.println("[e2e] could not capture " + prefix + ": " + ex);
            }
        }
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (Browser browser : open) {
            try {
                browser.close();
            }
            catch (RuntimeException ex) {
                failure = ex;
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }

}
