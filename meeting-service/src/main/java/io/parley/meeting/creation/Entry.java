package io.parley.meeting.creation;

import io.parley.meeting.meeting.Meeting;
import io.parley.meeting.meeting.MeetingApi.Credentials;

/**
 * What a create led to: a new meeting and its host, or a running named room that the
 * caller joined.
 */
sealed interface Entry {

    record Founded(String meetingId, String slug, Credentials host) implements Entry {
    }

    record JoinedRoom(Meeting meeting, Credentials participant) implements Entry {
    }

}
