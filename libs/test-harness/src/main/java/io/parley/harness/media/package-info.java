/**
 * Network helpers for the media servers (Janus, coturn): the host's own interface address
 * they gather candidates on, UDP port blocks, and a small STUN/TURN client that checks a
 * TURN server accepts a credential.
 */
package io.parley.harness.media;
