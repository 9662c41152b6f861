/**
 * Whether a new meeting socket may open (a valid join token, a meeting that has not
 * ended, a stream lease), decided as a sealed outcome: admitted, or a close code with its
 * reason.
 */
package io.parley.signaling.admission;
