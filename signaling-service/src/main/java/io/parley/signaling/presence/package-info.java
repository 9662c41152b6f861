/**
 * Who is connected to a meeting on any instance: presence entries in Redis kept fresh by
 * heartbeats, and the microphone and camera state each participant shows.
 */
package io.parley.signaling.presence;
