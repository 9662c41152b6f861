/**
 * The meeting roster: who hosted or joined which meeting, from meeting-service's events,
 * so signed-in participants can read a meeting's quality after it ended.
 */
package io.parley.quality.meeting;
