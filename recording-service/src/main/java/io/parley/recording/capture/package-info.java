/**
 * What meeting-service says about recordings: the consumer of
 * {@code parley.meeting.events} that starts and stops rows in the catalogue.
 */
package io.parley.recording.capture;
