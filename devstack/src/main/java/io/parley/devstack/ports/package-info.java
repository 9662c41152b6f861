/**
 * The fixed ports the stack binds, all checked before anything starts, and who holds one
 * that is taken.
 */
package io.parley.devstack.ports;
