/**
 * signaling-service, which runs the meeting socket ({@code /ws/signaling}) and the user
 * socket ({@code /ws/user}): the application, its settings ({@code parley.signaling.*}),
 * metrics catalogue and graceful drain, with each part in a package below.
 */
package io.parley.signaling;
