package io.parley.signaling.sfu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the client was last told of whose camera video it receives and whose the limit
 * holds back ({@code sfu-videos}), so that it hears of each change once. Not thread-safe:
 * {@link ReceivedVideos} holds the subscription's monitor.
 */
final class VideosTold {

    /** The limit as the client was last told it: null when nothing is held back. */
    private Integer limit;

    private Subscription.Videos videos = new Subscription.Videos(List.of(), List.of());

    /**
     * The fields of {@code sfu-videos} when the videos differ from what the client was
     * last told, which they then are; null when they do not.
     */
    Map<String, Object> news(Subscription.Videos now) {
        Integer limitNow = now.withheld().isEmpty() ? null : now.receiving().size();
        if (now.equals(videos) && Objects.equals(limitNow, limit)) {
            return null;
        }
        videos = now;
        limit = limitNow;
        Map<String, Object> told = new LinkedHashMap<>();
        told.put("limit", limitNow);
        told.put("receiving", now.receiving());
        told.put("withheld", now.withheld());
        return told;
    }

}
