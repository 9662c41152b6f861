/**
 * Recording a meeting: the host starts and stops it, and it stops by itself when the
 * meeting ends, when its host leaves, and at the configured maximum length. The state
 * lives in the meeting hash; the maximum lengths in a sorted set every instance polls.
 */
package io.parley.meeting.recording;
