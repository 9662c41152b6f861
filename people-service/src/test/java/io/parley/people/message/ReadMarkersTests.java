package io.parley.people.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadMarkersTests {

    @Test
    void unreadIsTheLastSequenceMinusTheMarkerNeverBelowZero() {
        assertThat(ReadMarkers.unread(10, 7)).isEqualTo(3);
        assertThat(ReadMarkers.unread(10, 10)).isZero();
        assertThat(ReadMarkers.unread(0, 0)).isZero();
        assertThat(ReadMarkers.unread(5, 9)).isZero();
    }

    @Test
    void aReadOnlyMovesTheMarkerForward() {
        assertThat(ReadMarkers.afterRead(3, 8)).hasValue(8);
        assertThat(ReadMarkers.afterRead(8, 3)).isEmpty();
        assertThat(ReadMarkers.afterRead(8, 8)).isEmpty();
    }

    @Test
    void anEntryTheRecipientKnowsOfCountsAsReadOnlyWhenNothingBeforeItWasUnread() {
        // everything read up to 4, entry 5 known (a declined call): read
        assertThat(ReadMarkers.recipientAfter(4, 5, true)).isEqualTo(5);
        // two messages unread before it: moving over them would mark them read, so it
        // stays unread too
        assertThat(ReadMarkers.recipientAfter(2, 5, true)).isEqualTo(2);
        // news (a text, a missed call): unread
        assertThat(ReadMarkers.recipientAfter(4, 5, false)).isEqualTo(4);
    }

    @Test
    void theSendersOwnMessagesNeverCountForThemAndEveryMessageOfTheOtherDoes() {
        long last = 0;
        long aliceMarker = 0;
        long bobMarker = 0;
        // Bob writes three, Alice answers one (her send moves her marker), Bob writes one
        // more
        for (int i = 0; i < 3; i++) {
            last++;
            bobMarker = last;
        }
        assertThat(ReadMarkers.unread(last, aliceMarker)).isEqualTo(3);
        last++;
        aliceMarker = last;
        assertThat(ReadMarkers.unread(last, aliceMarker)).isZero();
        assertThat(ReadMarkers.unread(last, bobMarker)).isEqualTo(1);
        last++;
        bobMarker = last;
        assertThat(ReadMarkers.unread(last, aliceMarker)).isEqualTo(1);
        assertThat(ReadMarkers.unread(last, bobMarker)).isZero();
    }

}
