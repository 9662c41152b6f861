/**
 * The user socket ({@code /ws/user}), one per device of a signed-in person: catch-up on
 * arrival, people events relayed from Kafka to every device, and presence for contacts.
 */
package io.parley.signaling.user;
