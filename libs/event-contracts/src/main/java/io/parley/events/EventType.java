package io.parley.events;

import java.util.Arrays;
import java.util.Optional;

/** Every CloudEvent type Parley emits, with the topic it travels on. */
public enum EventType {

    MEETING_CREATED(Topic.MEETING_EVENTS, "meeting.created"),
    PARTICIPANT_JOINED(Topic.MEETING_EVENTS, "meeting.participant-joined"),
    PARTICIPANT_REMOVED(Topic.MEETING_EVENTS, "meeting.participant-removed"),
    MUTED_ALL(Topic.MEETING_EVENTS, "meeting.muted-all"),
    PARTICIPANT_MUTED(Topic.MEETING_EVENTS, "meeting.participant-muted"),
    TIMER_STARTED(Topic.MEETING_EVENTS, "meeting.timer-started"),
    MEETING_LOCKED(Topic.MEETING_EVENTS, "meeting.locked"), MEETING_ENDED(Topic.MEETING_EVENTS, "meeting.ended"),
    RECORDING_STARTED(Topic.MEETING_EVENTS, "meeting.recording-started"),
    RECORDING_STOPPED(Topic.MEETING_EVENTS, "meeting.recording-stopped"),
    PARTICIPANT_CONNECTED(Topic.PRESENCE_EVENTS, "presence.participant-connected"),
    PARTICIPANT_DISCONNECTED(Topic.PRESENCE_EVENTS, "presence.participant-disconnected"),
    STREAM_STARTED(Topic.STREAM_EVENTS, "stream.stream-started"),
    STREAM_REJECTED(Topic.STREAM_EVENTS, "stream.stream-rejected"),
    STREAM_ENDED(Topic.STREAM_EVENTS, "stream.stream-ended"),
    LEASE_EXPIRED(Topic.STREAM_EVENTS, "stream.lease-expired"),
    QUALITY_SAMPLE(Topic.QUALITY_SAMPLES, "quality.quality-sample"),
    CHAT_MESSAGE(Topic.CHAT_MESSAGES, "chat.chat-message"),
    ACCOUNT_CREATED(Topic.PEOPLE_EVENTS, "people.account-created"),
    ACCOUNT_DELETED(Topic.PEOPLE_EVENTS, "people.account-deleted"),
    SESSION_REVOKED(Topic.PEOPLE_EVENTS, "people.session-revoked"),
    ORG_MEMBER_ADDED(Topic.PEOPLE_EVENTS, "people.org-member-added"),
    ORG_MEMBER_REMOVED(Topic.PEOPLE_EVENTS, "people.org-member-removed"),
    ORG_LIMITS_CHANGED(Topic.PEOPLE_EVENTS, "people.org-limits-changed"),
    CONTACT_REQUESTED(Topic.PEOPLE_EVENTS, "people.contact-requested"),
    CONTACT_ADDED(Topic.PEOPLE_EVENTS, "people.contact-added"),
    CONTACT_REMOVED(Topic.PEOPLE_EVENTS, "people.contact-removed"),
    MESSAGE_SENT(Topic.PEOPLE_EVENTS, "people.message-sent"),
    MESSAGES_READ(Topic.PEOPLE_EVENTS, "people.messages-read"),
    CALL_RINGING(Topic.PEOPLE_EVENTS, "people.call-ringing"), CALL_ENDED(Topic.PEOPLE_EVENTS, "people.call-ended");

    private static final String PREFIX = "io.parley.";

    private final Topic topic;

    private final String ceType;

    EventType(Topic topic, String suffix) {
        this.topic = topic;
        this.ceType = PREFIX + suffix;
    }

    public Topic topic() {
        return topic;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code io.parley.meeting.created}. */
    public String ceType() {
        return ceType;
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(type -> type.ceType.equals(ceType)).findFirst();
    }

}
