/**
 * The stream leases that signaling holds at stream-limit-service, one per participant.
 */
package io.parley.signaling.leases;
