package io.parley.signaling.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.parley.harness.JanusServerProcess;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/** VideoRoom rooms on a real Janus the harness started. */
class VideoRoomsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    private static JanusServerProcess janus;

    private static VideoRooms rooms;

    @BeforeAll
    static void startJanus() {
        janus = JanusServerProcess.startOnFreePorts(dir);
        rooms = JanusFixture.rooms(janus, janus.apiSecret());
    }

    @AfterAll
    static void stopJanus() {
        try {
            if (rooms != null) {
                rooms.close().block(TIMEOUT);
            }
        }
        finally {
            // also when the set-up failed after Janus started: it must not outlive the
            // test JVM
            if (janus != null) {
                janus.close();
            }
        }
    }

    @Test
    void createsListsAndDestroysARoom() {
        VideoRooms.Room room = rooms.create("meeting m-1").block(TIMEOUT);

        assertThat(room.instance()).isEqualTo(janus.apiUri().getAuthority());
        assertThat(rooms.list().block(TIMEOUT))
            .extracting(VideoRooms.RoomSummary::id, VideoRooms.RoomSummary::description,
                    VideoRooms.RoomSummary::participants)
            .contains(Tuple.tuple(room.id(), "meeting m-1", 0));
        assertThat(rooms.participants(room.id()).block(TIMEOUT)).isEmpty();

        rooms.destroy(room.id(), room.secret()).block(TIMEOUT);

        assertThat(rooms.list().block(TIMEOUT)).extracting(VideoRooms.RoomSummary::id).doesNotContain(room.id());
        StepVerifier.create(rooms.participants(room.id()))
            .expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(JanusException.class)
                .extracting((error) -> ((JanusException) error).code())
                .isEqualTo(426))
            .verify(TIMEOUT);
    }

    @Test
    void refusesToDestroyARoomWithAnotherSecret() {
        VideoRooms.Room room = rooms.create("meeting m-2").block(TIMEOUT);

        StepVerifier.create(rooms.destroy(room.id(), "not-" + room.secret()))
            .expectErrorSatisfies((ex) -> assertThat(((JanusException) ex).code()).isEqualTo(433))
            .verify(TIMEOUT);

        assertThat(rooms.list().block(TIMEOUT)).extracting(VideoRooms.RoomSummary::id).contains(room.id());
        rooms.destroy(room.id(), room.secret()).block(TIMEOUT);
    }

    @Test
    void givesEveryRoomItsOwnSecret() {
        List<VideoRooms.Room> created = List.of(rooms.create("a").block(TIMEOUT), rooms.create("b").block(TIMEOUT));

        assertThat(created).extracting(VideoRooms.Room::secret)
            .doesNotHaveDuplicates()
            .allMatch((s) -> s.length() >= 32);
        created.forEach((room) -> rooms.destroy(room.id(), room.secret()).block(TIMEOUT));
    }

    @Test
    void refusesEveryRequestWithoutTheApiSecret() {
        VideoRooms outsider = JanusFixture.rooms(janus, "not-" + janus.apiSecret());

        StepVerifier.create(outsider.create("intruder"))
            .expectErrorSatisfies((ex) -> assertThat(((JanusException) ex).code()).isEqualTo(403))
            .verify(TIMEOUT);
        assertThat(rooms.list().block(TIMEOUT)).extracting(VideoRooms.RoomSummary::description)
            .doesNotContain("intruder");
    }

}
