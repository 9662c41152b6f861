package io.parley.signaling.sfu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parley.signaling.protocol.ClientMessage;
import tools.jackson.databind.JsonNode;

/**
 * What one participant should receive and what its subscriber handle receives now: the
 * streams the room's publishers announce, and the difference to ask Janus for. Everyone's
 * audio and screen shares always; camera videos of the first {@link #allow allowed}
 * publishers in the client's order of preference ({@code sfu-view}), or in the order they
 * published until the client says. One renegotiation at a time: while the client has not
 * answered an offer, changes wait. Not thread-safe: its users ({@link ReceivedVideos},
 * {@link SfuSubscriber}) hold its monitor.
 */
final class Subscription {

    private final Map<Long, List<Published>> published = new LinkedHashMap<>();

    private final Set<FeedStream> received = new HashSet<>();

    /** Each received stream's mid in the subscriber's connection. */
    private final Map<FeedStream, String> receivedMids = new HashMap<>();

    private final Map<Long, String> participants = new HashMap<>();

    /** The simulcast layer asked of each received camera video, by its mid. */
    private final Map<String, ClientMessage.Layer> layersAsked = new HashMap<>();

    private List<ClientMessage.WantedVideo> view;

    private int allowed = Integer.MAX_VALUE;

    private boolean negotiating;

    /**
     * A VideoRoom {@code publishers} list: each publisher's streams replace what was
     * known of it (a stream that is {@code disabled} no longer flows).
     */
    void publishers(JsonNode publishers) {
        for (JsonNode publisher : publishers) {
            long feed = publisher.path("id").asLong(0);
            participants.put(feed, publisher.path("display").asString(""));
            List<Published> streams = new ArrayList<>();
            for (JsonNode stream : publisher.path("streams")) {
                if (!stream.path("disabled").asBoolean(false) && stream.has("mid")) {
                    streams.add(new Published(new FeedStream(feed, stream.path("mid").asString()),
                            "video".equals(stream.path("type").asString(""))
                                    && !"screen".equals(stream.path("description").asString(""))));
                }
            }
            published.put(feed, streams);
        }
    }

    /** The publisher unpublished or left. */
    void gone(long feed) {
        participants.remove(feed);
        published.remove(feed);
    }

    /** Keeps only the publishers still in the room. */
    void retain(Set<Long> feeds) {
        participants.keySet().retainAll(feeds);
        published.keySet().retainAll(feeds);
    }

    /** The client's {@code sfu-view}. */
    void view(List<ClientMessage.WantedVideo> videos) {
        view = List.copyOf(videos);
    }

    /** How many camera videos the participant may receive. */
    void allow(int videos) {
        allowed = videos;
    }

    /** How many camera videos the participant would receive without a limit. */
    int wantedVideos() {
        return preferredCameras().size();
    }

    /**
     * Whose camera video is received and whose is held back by the limit, as participant
     * ids in the order of preference.
     */
    Videos videos() {
        List<Long> preferred = preferredCameras();
        int receiving = Math.min(allowed, preferred.size());
        return new Videos(names(preferred.subList(0, receiving)),
                names(preferred.subList(receiving, preferred.size())));
    }

    /**
     * The change to ask for, marking a negotiation as started; null when there is nothing
     * to change or a negotiation is under way.
     */
    Change next() {
        if (negotiating) {
            return null;
        }
        Set<FeedStream> wanted = wanted();
        List<FeedStream> add = wanted.stream().filter((stream) -> !received.contains(stream)).toList();
        // the streams of a publisher that left are dropped by Janus itself, which then
        // offers the subscription again
        List<FeedStream> remove = received.stream()
            .filter((stream) -> !wanted.contains(stream) && participants.containsKey(stream.feed()))
            .toList();
        if (add.isEmpty() && remove.isEmpty()) {
            return null;
        }
        negotiating = true;
        return new Change(add, remove);
    }

    /**
     * The received camera videos whose simulcast layer differs from what was last asked
     * of Janus, now taken as asked: the layer each tile needs ({@code high} until the
     * client says).
     */
    Map<String, ClientMessage.Layer> layerChanges() {
        Map<String, ClientMessage.Layer> changes = new LinkedHashMap<>();
        for (List<Published> streams : published.values()) {
            for (Published stream : streams) {
                String mid = receivedMids.get(stream.stream());
                if (stream.camera() && mid != null) {
                    ClientMessage.Layer layer = layerOf(stream.stream().feed());
                    if (layersAsked.put(mid, layer) != layer) {
                        changes.put(mid, layer);
                    }
                }
            }
        }
        return changes;
    }

    /**
     * Janus's list of the subscription's streams after a change: what is received now, as
     * the client is told it ({@code participantId} from the publisher's display name).
     */
    List<OfferedStream> received(JsonNode streams) {
        received.clear();
        receivedMids.clear();
        List<OfferedStream> offered = new ArrayList<>();
        for (JsonNode stream : streams) {
            if (!stream.path("active").asBoolean(true) || !stream.has("feed_id")) {
                continue;
            }
            long feed = stream.path("feed_id").asLong(0);
            FeedStream feedStream = new FeedStream(feed, stream.path("feed_mid").asString(""));
            String mid = stream.path("mid").asString("");
            received.add(feedStream);
            receivedMids.put(feedStream, mid);
            String participant = stream.path("feed_display").asString(participants.getOrDefault(feed, ""));
            offered.add(new OfferedStream(mid, participant, stream.path("type").asString(""),
                    "screen".equals(stream.path("feed_description").asString(""))));
        }
        layersAsked.keySet().retainAll(receivedMids.values());
        return offered;
    }

    /** Janus renegotiates on its own: the client has an offer to answer. */
    void begin() {
        negotiating = true;
    }

    /** The client answered, or the change failed: the next one may start. */
    void settled() {
        negotiating = false;
    }

    boolean negotiating() {
        return negotiating;
    }

    private Set<FeedStream> wanted() {
        List<Long> preferred = preferredCameras();
        Set<Long> watched = Set.copyOf(preferred.subList(0, Math.min(allowed, preferred.size())));
        Set<FeedStream> wanted = new LinkedHashSet<>();
        published.forEach((feed, streams) -> streams.stream()
            .filter((stream) -> !stream.camera() || watched.contains(feed))
            .forEach((stream) -> wanted.add(stream.stream())));
        return wanted;
    }

    /**
     * The feeds that publish a camera video, in the client's order of preference; the
     * others it did not name are not wanted.
     */
    private List<Long> preferredCameras() {
        List<Long> cameras = published.entrySet()
            .stream()
            .filter((entry) -> entry.getValue().stream().anyMatch(Published::camera))
            .map(Map.Entry::getKey)
            .toList();
        if (view == null) {
            return cameras;
        }
        List<Long> preferred = new ArrayList<>();
        for (ClientMessage.WantedVideo video : view) {
            cameras.stream()
                .filter((feed) -> video.participantId().equals(participants.get(feed)))
                .findFirst()
                .ifPresent(preferred::add);
        }
        return preferred;
    }

    private ClientMessage.Layer layerOf(long feed) {
        if (view == null) {
            return ClientMessage.Layer.HIGH;
        }
        String participant = participants.get(feed);
        return view.stream()
            .filter((video) -> video.participantId().equals(participant))
            .map(ClientMessage.WantedVideo::layer)
            .findFirst()
            .orElse(ClientMessage.Layer.HIGH);
    }

    private List<String> names(List<Long> feeds) {
        return feeds.stream().map((feed) -> participants.getOrDefault(feed, "")).toList();
    }

    /** A stream a publisher announced, and whether it is a camera (limited) video. */
    private record Published(FeedStream stream, boolean camera) {
    }

    record Change(List<FeedStream> add, List<FeedStream> remove) {
    }

    /** Whose camera video the participant receives, and whose the limit holds back. */
    record Videos(List<String> receiving, List<String> withheld) {
    }

    /**
     * A stream of the subscriber's connection as the client learns it: its mid there,
     * whose it is, {@code audio} or {@code video}, and whether it is a screen share.
     */
    record OfferedStream(String mid, String participantId, String kind, boolean screen) {
    }

}
