package io.parley.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * One headless Debian Chromium driven by chromedriver, with fake cameras (test patterns)
 * and microphones (a beep), its own fresh profile and HOME, and nothing that phones home.
 * Debian's binaries at fixed paths, so a test never depends on a driver downloaded at run
 * time; without them the test fails and says what to install.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Whether the page may use the (fake) camera and microphone, or finds them blocked as
     * by a user's "Block".
     */
    enum Media {

        ALLOWED, BLOCKED

    }

    private final String name;

    private final ChromeDriver driver;

    private final Path home;

    private Browser(String name, ChromeDriver driver, Path home) {
        this.name = name;
        this.driver = driver;
        this.home = home;
    }

    static Browser open(String name, Media media) {
        requireInstalled();
        Path home;
        try {
            home = Files.createTempDirectory("parley-e2e-chromium-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // three fake cameras, so that a test can switch: fake_device_0 (I420) and _2
        // (MJPEG) are ordinary ones, _1 (Y16) is a depth camera whose frames WebRTC does
        // not send. Chromium's fake microphones and speakers come in threes anyway.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--use-fake-device-for-media-stream=device-count=3", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,860",
                "--user-data-dir=" + home.resolve("profile"));
        if (media == Media.ALLOWED) {
            // answers the permission prompt with "allow"
            options.addArguments("--use-fake-ui-for-media-stream");
        }
        else {
            // what a user's "Block" in the site settings stores: getUserMedia fails with
            // NotAllowedError
            options.setExperimentalOption("prefs", Map.of("profile.default_content_setting_values.media_stream_camera",
                    2, "profile.default_content_setting_values.media_stream_mic", 2));
        }
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withEnvironment(Map.of("HOME", home.toString()))
            .build();
        return new Browser(name, new ChromeDriver(service, options), home);
    }

    /** Fails, never skips: a browser test that silently does not run proves nothing. */
    static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's Chromium and its driver at " + CHROMIUM
                    + " and " + CHROMEDRIVER + "; install them with: sudo apt-get install -y chromium chromium-driver");
        }
    }

    String name() {
        return name;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** A path of the gateway ({@code /m/abcd-efgh-ijkl}) or an absolute URL. */
    void get(String pathOrUrl) {
        driver.get(Platform.GATEWAY.resolve(pathOrUrl).toString());
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * Runs a script that calls {@code arguments[arguments.length - 1]} with its result,
     * maybe later.
     */
    Object asyncJs(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    Path screenshot(String fileName) {
        try {
            Files.createDirectories(TestPaths.screenshots());
            return Files.write(TestPaths.screenshots().resolve(fileName + ".png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The page's console output so far (warnings of the mesh, errors), for a failed
     * test's report.
     */
    List<String> consoleLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        }
        finally {
            deleteRecursively(home);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ex) {
            // a temp dir left behind is no reason to fail a test
        }
    }

}
