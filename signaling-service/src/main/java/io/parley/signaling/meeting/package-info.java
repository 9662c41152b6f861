/**
 * One meeting socket from upgrade to close: joining, the message loop that hands each
 * client message to the one handler of its type, the lease kept, leaving, and the
 * periodic re-check of every socket's authority.
 */
package io.parley.signaling.meeting;
