/**
 * WebFlux plumbing every service shares: a request resumed on its own event loop after a
 * Redis or Kafka reply, the {@code X-Parley-Service} header, and WebSocket upgrades kept
 * out of the request metrics.
 */
package io.parley.support.web;
