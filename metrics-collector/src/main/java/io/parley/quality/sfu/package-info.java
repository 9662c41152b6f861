/**
 * What the server sees: Janus's sample event handler posts handle events and per-handle
 * media statistics to an internal endpoint, and the statistics of Parley's handles (those
 * whose opaque id names a meeting and a participant) become quality samples whose source
 * is the SFU, on the same topic and in the same history as the browsers' beacons.
 */
package io.parley.quality.sfu;
