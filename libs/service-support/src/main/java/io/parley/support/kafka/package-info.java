/**
 * Kafka for every service that uses it: the readiness check, the catalogue's topics
 * created at start-up, and producer settings under which an event loop may call
 * {@code send}.
 */
package io.parley.support.kafka;
