/**
 * Join tokens, which admit one participant to one meeting: their claims, RS256 signing,
 * and the verifier every service gets, which checks them against meeting-service's keys
 * and the Redis revocation list.
 */
package io.parley.tokens;
