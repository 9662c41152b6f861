/**
 * The outbox of {@code parley.people.events}: an event is written in the transaction of
 * the change it announces and published to Kafka after the commit.
 */
package io.parley.people.event;
