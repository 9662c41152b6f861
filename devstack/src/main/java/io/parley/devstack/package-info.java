/**
 * The launcher behind {@code ./parley}: its commands, its help text, and the errors it
 * prints for the developer to act on.
 */
package io.parley.devstack;
