/**
 * Who the client really is (address and scheme, as the trusted proxies in front report
 * them), passed on to the services in headers that only the gateway can set.
 */
package io.parley.gateway.forwarding;
