/**
 * Access tokens, which stand for a signed-in person: their claims, signing
 * (people-service only) and verification against people-service's keys, kept apart from
 * join tokens by their {@code typ}.
 */
package io.parley.tokens.access;
