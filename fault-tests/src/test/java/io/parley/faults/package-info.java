/**
 * Fault injection: the real servers and service jars under load by real clients, one
 * fault at a time, counted end to end by id.
 */
package io.parley.faults;
