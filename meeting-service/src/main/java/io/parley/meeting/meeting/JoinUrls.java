package io.parley.meeting.meeting;

import java.net.URI;

import io.parley.meeting.MeetingProperties;
import org.springframework.stereotype.Component;

/**
 * Where people open a meeting:
 * {@code <parley.meetings.public-url>/m/<room name or meeting id>}.
 */
@Component
public class JoinUrls {

    private final String base;

    public JoinUrls(MeetingProperties properties) {
        this.base = properties.publicUrl().toString().replaceAll("/+$", "");
    }

    public String of(String meetingId, String slug) {
        return URI.create(base + "/m/" + (slug != null ? slug : meetingId)).toString();
    }

}
