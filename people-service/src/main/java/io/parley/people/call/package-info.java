/**
 * Calls between contacts, each held in a meeting on meeting-service: ringing, answered
 * and ended in the {@code call} table, and missed or ended by time when nobody acts.
 */
package io.parley.people.call;
