/**
 * A TCP proxy for fault tests that delays or cuts the connections between a service and a
 * server.
 */
package io.parley.harness.net;
