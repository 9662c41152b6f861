package io.parley.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A record, kept by the page itself, of every change of what the call says about its
 * connections: the call bar's connection status ({@code #connection-status}: data-state
 * and text) and each remote tile's media state (data-media-state, the {@code .tile-state}
 * text, and the peer connection's state beside them), with the time of each change. A
 * MutationObserver writes it, so a state that shows for a moment between two polls of the
 * test is in it too. It lives in the page's window, as does a marker: both gone means the
 * page was loaded again.
 */
final class StateLog {

    /**
     * The key of the call bar's status in the log; a tile's is "tile:" + its participant
     * id.
     */
    static final String STATUS = "status";

    private static final String INSTALL = """
            if (!window.__parleyStateLog) {
              const log = [];
              const last = new Map();
              window.__parleyStateLog = log;
              window.__parleyMarker = arguments[0];
              const record = (key, state, text, connection) => {
                const value = [state, text, connection].join('|');
                if (last.get(key) !== value) {
                  last.set(key, value);
                  log.push({ at: Date.now(), key, state, text, connection });
                }
              };
              const snapshot = () => {
                const status = document.getElementById('connection-status');
                record('status', status?.dataset.state ?? 'absent', status?.textContent ?? '', '');
                const seen = new Set();
                for (const tile of document.querySelectorAll('.tile[data-participant-id]:not(.self)')) {
                  const key = 'tile:' + tile.dataset.participantId;
                  seen.add(key);
                  record(key, tile.dataset.mediaState ?? '', tile.querySelector('.tile-state')?.textContent ?? '',
                      tile.dataset.connectionState ?? '');
                }
                for (const key of last.keys()) {
                  if (key.startsWith('tile:') && !seen.has(key)) {
                    record(key, 'absent', '', '');
                  }
                }
              };
              new MutationObserver(snapshot).observe(document.body, { subtree: true, childList: true,
                  characterData: true, attributes: true,
                  attributeFilter: ['data-state', 'data-media-state', 'data-connection-state'] });
              snapshot();
            }
            return window.__parleyMarker;""";

    /** One change: when (the page's clock, ms), of what, to which state and text. */
    record Change(long at, String key, String state, String text, String connection) {

        @Override
        public String toString() {
            return at + " " + key + "=" + state + " \"" + text + "\""
                    + (connection.isEmpty() ? "" : " (" + connection + ")");
        }

    }

    private final Browser browser;

    private final String marker;

    private StateLog(Browser browser, String marker) {
        this.browser = browser;
        this.marker = marker;
    }

    /** Starts the log in the call on display (or finds the one already running there). */
    static StateLog start(Browser browser) {
        return new StateLog(browser, String.valueOf(browser.js(INSTALL, UUID.randomUUID().toString())));
    }

    /** The page's clock, to ask for the changes after a moment. */
    long now() {
        return ((Number) browser.js("return Date.now();")).longValue();
    }

    /**
     * Whether this is still the document the log was started in: the window kept the
     * marker, so the page was not reloaded.
     */
    boolean sameDocument() {
        return marker.equals(browser.js("return window.__parleyMarker ?? null;"));
    }

    /** The changes of one key (see {@link #STATUS}) since a moment of {@link #now()}. */
    List<Change> since(long at, String key) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) browser.js(
                "return (window.__parleyStateLog || []).filter(e => e.at >= arguments[0] && e.key === arguments[1]);",
                at, key);
        return entries.stream()
            .map(entry -> new Change(((Number) entry.get("at")).longValue(), String.valueOf(entry.get("key")),
                    String.valueOf(entry.get("state")), String.valueOf(entry.get("text")),
                    String.valueOf(entry.get("connection"))))
            .toList();
    }

    static String tile(String participantId) {
        return "tile:" + participantId;
    }

}
