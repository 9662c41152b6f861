/**
 * Presence and chat events published to Kafka without ever holding up a socket.
 */
package io.parley.signaling.events;
