/**
 * The JUnit extension that hands the shared Redis, PostgreSQL and Kafka servers to tests,
 * and fails a test (never skips it) when one cannot start.
 */
package io.parley.harness.junit;
