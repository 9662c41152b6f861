/**
 * Chat: each message checked, kept in the meeting's recent history in Redis and sent to
 * everyone.
 */
package io.parley.signaling.chat;
