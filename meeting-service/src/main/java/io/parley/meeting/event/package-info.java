/**
 * The events on {@code parley.meeting.events}: their payloads, and the Redis outbox that
 * publishes them to Kafka in order and at least once, also after Kafka or an instance was
 * down.
 */
package io.parley.meeting.event;
