/**
 * Which token a request needs before the gateway routes it, and the filter that verifies
 * it (signature, kind, revocation), so that forged, expired and revoked tokens never
 * reach a service.
 */
package io.parley.gateway.auth;
