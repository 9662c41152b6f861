/**
 * The gateway, the platform's only public entry: its application, settings
 * ({@code parley.gateway.*}) and metrics catalogue, with each concern of a request on its
 * way to a service in a package below.
 */
package io.parley.gateway;
