package io.parley.events;

/**
 * The Kafka topics Parley services share (PLATFORM.md §4.4). Partition counts are what
 * services ask for when they create a missing topic; the key decides ordering, so events
 * of one meeting (or one user) stay in order.
 */
public enum Topic {

    MEETING_EVENTS("parley.meeting.events", 6, "meeting id"),
    PRESENCE_EVENTS("parley.presence.events", 6, "meeting id"), STREAM_EVENTS("parley.stream.events", 6, "user id"),
    QUALITY_SAMPLES("parley.quality.samples", 12, "meeting id"), CHAT_MESSAGES("parley.chat.messages", 6, "meeting id"),
    PEOPLE_EVENTS("parley.people.events", 6, "account id");

    private final String topicName;

    private final int partitions;

    private final String key;

    Topic(String topicName, int partitions, String key) {
        this.topicName = topicName;
        this.partitions = partitions;
        this.key = key;
    }

    public String topicName() {
        return topicName;
    }

    public int partitions() {
        return partitions;
    }

    /** What the record key holds. */
    public String key() {
        return key;
    }

}
