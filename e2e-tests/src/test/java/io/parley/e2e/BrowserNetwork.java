package io.parley.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Network trouble for one browser, as its page would meet it.
 * <ul>
 * <li>{@link #offline(boolean)}: DevTools' offline mode for the page. Its WebSocket stays
 * open but nothing passes any more, and new connections fail: a network that vanished
 * without a word. WebRTC's own sockets are not affected, so peer-to-peer media goes
 * on.</li>
 * <li>{@link #stall()}: every socket of the browser stops moving, media included, until
 * the returned handle resumes them: the browser's network service process (Chromium's one
 * process for all its sockets, WebRTC's UDP ones too) is paused with SIGSTOP. Connections
 * survive a short stall, as they do a brief outage; in a longer one (about 17 s) ICE
 * gives up and the peer connections go {@code failed}.</li>
 * </ul>
 */
final class BrowserNetwork {

    private final Browser browser;

    private BrowserNetwork(Browser browser) {
        this.browser = browser;
    }

    /**
     * Before the page opens the connections a test takes offline: Chromium lets DevTools
     * hold back the frames of a WebSocket only if it watched the socket open.
     */
    static BrowserNetwork attach(Browser browser) {
        browser.driver().executeCdpCommand("Network.enable", Map.of());
        BrowserNetwork network = new BrowserNetwork(browser);
        network.offline(false);
        return network;
    }

    void offline(boolean offline) {
        browser.driver()
            .executeCdpCommand("Network.emulateNetworkConditions",
                    Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Pauses the browser's sockets until {@link Stall#close()}. */
    Stall stall() {
        long pid = networkServicePid();
        signal("STOP", pid);
        return () -> signal("CONT", pid);
    }

    /** A stall in progress; closing it resumes the browser's network. */
    interface Stall extends AutoCloseable {

        @Override
        void close();

    }

    private long networkServicePid() {
        String profile = "--user-data-dir=" + userDataDir();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().matches("\\d+")).filter(dir -> {
                List<String> arguments = arguments(dir);
                return arguments.contains(profile)
                        && arguments.contains("--utility-sub-type=network.mojom.NetworkService");
            })
                .mapToLong(dir -> Long.parseLong(dir.getFileName().toString()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no network service process of " + browser.name() + " (" + profile + ")"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private String userDataDir() {
        Object chrome = browser.driver().getCapabilities().getCapability("chrome");
        if (chrome instanceof Map<?, ?> details && details.get("userDataDir") != null) {
            return details.get("userDataDir").toString();
        }
        throw new IllegalStateException("chromedriver did not name the profile of " + browser.name());
    }

    /**
     * A process's arguments; Chromium's child processes rewrite their command line into
     * one string with spaces, hence both separators.
     */
    private static List<String> arguments(Path process) {
        try {
            return Arrays.asList(
                    new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).split("[\0 ]"));
        }
        catch (IOException ex) {
            return List.of(); // a process that ended meanwhile
        }
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
