/**
 * The beacon benchmark: beacons per second against the real metrics-collector (with its
 * Redis, Kafka and PostgreSQL), beside nginx and a bare WebFlux floor in the same run.
 */
package io.parley.bench;
