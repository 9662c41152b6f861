/**
 * Raised hands: {@code hand} raises or lowers the sender's own, {@code lower-hand} lets a
 * host lower anyone's. The hand lives in the participant's presence entry, stamped with
 * server time, so the order of hands is the server's and survives reconnects.
 */
package io.parley.signaling.hands;
