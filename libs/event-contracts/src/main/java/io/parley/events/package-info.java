/**
 * What the services say to each other on Kafka: the topic catalogue, every CloudEvent
 * type, and the codec that turns payloads into binary-mode CloudEvents with JSON data and
 * back.
 */
package io.parley.events;
