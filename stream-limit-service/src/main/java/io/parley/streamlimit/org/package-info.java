/**
 * Organization stream limits, kept per user in Redis from the events on
 * {@code parley.people.events}.
 */
package io.parley.streamlimit.org;
