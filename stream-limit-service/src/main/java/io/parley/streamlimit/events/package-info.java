/**
 * Kafka in and out: stream events on {@code parley.stream.events}, and the leases of
 * disconnected participants and ended meetings released as their events arrive.
 */
package io.parley.streamlimit.events;
