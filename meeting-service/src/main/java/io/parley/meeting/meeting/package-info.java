/**
 * A meeting once it exists: its state in Redis, changed by scripts that write the change
 * and its event in one step, read as snapshots, and the host controls only a host's token
 * may run.
 */
package io.parley.meeting.meeting;
