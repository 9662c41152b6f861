/**
 * Accounts and their passwords: the {@code account} table, NIST's rules for a new
 * password, and Argon2id hashing on threads of its own behind a bounded queue.
 */
package io.parley.people.account;
