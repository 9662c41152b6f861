/**
 * Organizations: members and their roles, invitations, and the stream limits owners set,
 * each decided on roles read inside the transaction that acts on them.
 */
package io.parley.people.org;
