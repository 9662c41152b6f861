/**
 * people-service's access-token keys and their JWKS, and the opaque tokens (refresh
 * tokens, invitation links) of which only a hash is stored.
 */
package io.parley.people.token;
