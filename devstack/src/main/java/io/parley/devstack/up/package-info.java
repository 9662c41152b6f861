/**
 * {@code ./parley up}: checking, starting and reporting the whole stack, and stopping it
 * in order.
 */
package io.parley.devstack.up;
