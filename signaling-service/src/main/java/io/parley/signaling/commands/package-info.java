/**
 * Host commands from {@code parley.meeting.events}, consumed once by all instances
 * together and fanned out to every one of them.
 */
package io.parley.signaling.commands;
