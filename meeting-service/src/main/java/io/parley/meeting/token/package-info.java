/**
 * Join tokens and API keys: signing with the newest key, publishing every key as a JWKS,
 * tokens an integration mints for its users, and the integrations' keys kept only as
 * SHA-256 hashes.
 */
package io.parley.meeting.token;
