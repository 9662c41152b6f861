package io.parley.harness;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.parley.harness.media.MediaNetwork;

/**
 * The configuration folder a harness Janus runs from ({@code janus -F <folder>}). Janus
 * loads every plugin and transport in its folders, so the folders it is given hold links
 * to the VideoRoom plugin and the HTTP and WebSocket transports only, and no loggers; the
 * events folder holds the sample event handler when {@code eventHandler} is given and is
 * empty otherwise. HTTP serves the admin API and room control, WebSockets the
 * participants' sessions, whose plugin events Janus pushes on the socket.
 *
 * @param folder where the files are written
 * @param libraries the package's library folder (with {@code plugins/} and
 * {@code transports/})
 * @param httpPort the Janus API port ({@code /janus})
 * @param adminPort the admin API port ({@code /admin})
 * @param websocketPort the Janus API over WebSockets (subprotocol {@code janus-protocol})
 * @param apiSecret what every Janus API request must carry
 * @param adminSecret what every admin API request must carry
 * @param mediaAddress the only address ICE candidates are gathered on
 * @param rtpPorts the UDP ports media uses
 * @param eventHandler where handler events go, or null for none
 */
record JanusConfig(Path folder, Path libraries, int httpPort, int adminPort, int websocketPort, String apiSecret,
        String adminSecret, String mediaAddress, MediaNetwork.PortRange rtpPorts, JanusEventHandler eventHandler) {

    static final String LIBRARIES_VARIABLE = "PARLEY_JANUS_LIBRARIES";

    static final String PLUGIN = "libjanus_videoroom.so";

    static final String TRANSPORT = "libjanus_http.so";

    static final String WEBSOCKET_TRANSPORT = "libjanus_websockets.so";

    /** Writes the folder from scratch; returns it. */
    Path write() {
        try {
            TempDirs.deleteQuietly(folder);
            Files.createDirectories(folder);
            Path plugins = link(folder.resolve("plugins"), libraries.resolve("plugins").resolve(PLUGIN));
            Path transports = link(folder.resolve("transports"), libraries.resolve("transports").resolve(TRANSPORT));
            link(transports, libraries.resolve("transports").resolve(WEBSOCKET_TRANSPORT));
            Path events = Files.createDirectories(folder.resolve("events"));
            if (eventHandler != null) {
                link(events, libraries.resolve("events").resolve(JanusEventHandler.LIBRARY));
                OwnerOnlyFiles.write(folder.resolve("janus.eventhandler.sampleevh.jcfg"),
                        eventHandler.sampleEventHandler());
            }
            Path loggers = Files.createDirectories(folder.resolve("loggers"));
            OwnerOnlyFiles.write(folder.resolve("janus.jcfg"), janus(plugins, transports, events, loggers));
            Files.writeString(folder.resolve("janus.transport.http.jcfg"), http());
            Files.writeString(folder.resolve("janus.transport.websockets.jcfg"), websockets());
            Files.writeString(folder.resolve("janus.plugin.videoroom.jcfg"), "general: {\n}\n");
            return folder;
        }
        catch (IOException ex) {
            throw new HarnessException("Cannot write the Janus configuration in " + folder, ex);
        }
    }

    private String janus(Path plugins, Path transports, Path events, Path loggers) {
        // mDNS (.local) candidates would need a resolver; the host address is enough here
        return """
                general: {
                    configs_folder = "%s"
                    plugins_folder = "%s"
                    transports_folder = "%s"
                    events_folder = "%s"
                    loggers_folder = "%s"
                    log_to_stdout = true
                    debug_level = 4
                    api_secret = "%s"
                    admin_secret = "%s"
                    server_name = "parley-harness-%d"
                    protected_folders = ["/bin", "/boot", "/dev", "/etc", "/lib", "/proc", "/sbin", "/sys", "/usr"]
                }
                media: {
                    rtp_port_range = "%s"
                }
                nat: {
                    ignore_mdns = true
                    ice_enforce_list = "%s"
                }
                %s""".formatted(folder.toAbsolutePath(), plugins.toAbsolutePath(), transports.toAbsolutePath(),
                events.toAbsolutePath(), loggers.toAbsolutePath(), apiSecret, adminSecret, httpPort, rtpPorts,
                mediaAddress, events());
    }

    /**
     * Broadcast only with a handler; one statistics event per handle and period, its
     * streams in an array, keeps the posts few.
     */
    private String events() {
        if (eventHandler == null) {
            return """
                    events: {
                        broadcast = false
                    }
                    """;
        }
        return """
                events: {
                    broadcast = true
                    combine_media_stats = true
                    stats_period = %d
                }
                """.formatted(eventHandler.statsPeriod().toSeconds());
    }

    private String http() {
        return """
                general: {
                    json = "plain"
                    base_path = "/janus"
                    http = true
                    port = %d
                    ip = "127.0.0.1"
                    https = false
                }
                admin: {
                    admin_base_path = "/admin"
                    admin_http = true
                    admin_port = %d
                    admin_ip = "127.0.0.1"
                    admin_https = false
                }
                """.formatted(httpPort, adminPort);
    }

    private String websockets() {
        return """
                general: {
                    json = "plain"
                    ws = true
                    ws_port = %d
                    ws_ip = "127.0.0.1"
                    wss = false
                }
                admin: {
                    admin_ws = false
                    admin_wss = false
                }
                """.formatted(websocketPort);
    }

    private static Path link(Path dir, Path target) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(target.getFileName()));
        Files.createSymbolicLink(dir.resolve(target.getFileName()), target);
        return dir;
    }

    /**
     * The folder with {@code plugins/} and {@code transports/}: the value of
     * {@value #LIBRARIES_VARIABLE} when set, else next to the executable
     * ({@code /usr/bin/janus}: {@code /usr/lib/<multiarch>/janus}).
     */
    static Optional<Path> findLibraries(Path executable) {
        String configured = System.getenv(LIBRARIES_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(JanusConfig::hasVideoRoom);
        }
        Path lib = executable.toAbsolutePath().getParent().resolveSibling("lib");
        List<Path> candidates = new ArrayList<>(List.of(lib.resolve("janus")));
        if (Files.isDirectory(lib)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(lib, Files::isDirectory)) {
                dirs.forEach(dir -> candidates.add(dir.resolve("janus")));
            }
            catch (IOException ex) {
                return Optional.empty();
            }
        }
        return candidates.stream().filter(JanusConfig::hasVideoRoom).findFirst();
    }

    private static boolean hasVideoRoom(Path libraries) {
        return Files.isRegularFile(libraries.resolve("plugins").resolve(PLUGIN))
                && Files.isRegularFile(libraries.resolve("transports").resolve(TRANSPORT))
                && Files.isRegularFile(libraries.resolve("transports").resolve(WEBSOCKET_TRANSPORT));
    }

}
