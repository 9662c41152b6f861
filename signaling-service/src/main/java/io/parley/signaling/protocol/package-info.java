/**
 * The wire protocol of both sockets: the message type catalogue, close codes and error
 * codes, client messages parsed and server messages written.
 */
package io.parley.signaling.protocol;
