/**
 * Participants joining, leaving, being removed or muted, and their online flags kept from
 * signaling's presence events.
 */
package io.parley.meeting.participant;
