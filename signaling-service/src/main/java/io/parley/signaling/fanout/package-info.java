/**
 * Messages across instances: a Redis pub/sub channel per meeting, envelopes for one
 * participant, for everyone but one or for all, and the relay of offers, answers and ICE
 * candidates.
 */
package io.parley.signaling.fanout;
