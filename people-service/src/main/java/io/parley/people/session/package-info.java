/**
 * Sign-in sessions: sign-up and sign-in with throttling, refresh tokens that rotate in an
 * HttpOnly cookie, the access tokens a session is issued, and the caller of a request
 * resolved from a token whose session is still live.
 */
package io.parley.people.session;
