package io.parley.signaling.sfu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What one participant should receive and what its subscriber handle receives now: the
 * streams the room's publishers announce, and the difference to ask Janus for. One
 * renegotiation at a time: while the client has not answered an offer, changes wait. Not
 * thread-safe: {@link SfuParticipant} holds its lock.
 */
final class Subscription {

    private final Set<FeedStream> wanted = new LinkedHashSet<>();

    private final Set<FeedStream> received = new HashSet<>();

    private final Map<Long, String> participants = new HashMap<>();

    private boolean negotiating;

    /**
     * A VideoRoom {@code publishers} list: each publisher's streams replace what was
     * known of it (a stream that is {@code disabled} no longer flows).
     */
    void publishers(JsonNode publishers) {
        for (JsonNode publisher : publishers) {
            long feed = publisher.path("id").asLong(0);
            participants.put(feed, publisher.path("display").asString(""));
            wanted.removeIf((stream) -> stream.feed() == feed);
            for (JsonNode stream : publisher.path("streams")) {
                if (!stream.path("disabled").asBoolean(false) && stream.has("mid")) {
                    wanted.add(new FeedStream(feed, stream.path("mid").asString()));
                }
            }
        }
    }

    /** The publisher unpublished or left. */
    void gone(long feed) {
        participants.remove(feed);
        wanted.removeIf((stream) -> stream.feed() == feed);
    }

    /** Keeps only the publishers still in the room. */
    void retain(Set<Long> feeds) {
        participants.keySet().retainAll(feeds);
        wanted.removeIf((stream) -> !feeds.contains(stream.feed()));
    }

    /**
     * The change to ask for, marking a negotiation as started; null when there is nothing
     * to change or a negotiation is under way.
     */
    Change next() {
        if (negotiating) {
            return null;
        }
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
     * Janus's list of the subscription's streams after a change: what is received now, as
     * the client is told it ({@code participantId} from the publisher's display name).
     */
    List<OfferedStream> received(JsonNode streams) {
        received.clear();
        List<OfferedStream> offered = new ArrayList<>();
        for (JsonNode stream : streams) {
            if (!stream.path("active").asBoolean(true) || !stream.has("feed_id")) {
                continue;
            }
            long feed = stream.path("feed_id").asLong(0);
            received.add(new FeedStream(feed, stream.path("feed_mid").asString("")));
            String participant = stream.path("feed_display").asString(participants.getOrDefault(feed, ""));
            offered.add(new OfferedStream(stream.path("mid").asString(""), participant,
                    stream.path("type").asString(""), "screen".equals(stream.path("feed_description").asString(""))));
        }
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

    record Change(List<FeedStream> add, List<FeedStream> remove) {
    }

    /**
     * A stream of the subscriber's connection as the client learns it: its mid there,
     * whose it is, {@code audio} or {@code video}, and whether it is a screen share.
     */
    record OfferedStream(String mid, String participantId, String kind, boolean screen) {
    }

}
