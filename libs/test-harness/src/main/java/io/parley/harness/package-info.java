/**
 * Real Redis, PostgreSQL and KRaft Kafka servers as child processes on loopback, for
 * integration tests and {@code
 * ./parley up}: shared per test JVM, or stopped, killed, paused and restarted with their
 * data by fault tests.
 */
package io.parley.harness;
