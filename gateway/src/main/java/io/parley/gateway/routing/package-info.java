/**
 * Where routes send requests: the backend instances listed in
 * {@code parley.gateway.services}, load-balanced when a service has several.
 */
package io.parley.gateway.routing;
