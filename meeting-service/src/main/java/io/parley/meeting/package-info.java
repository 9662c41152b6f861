/**
 * meeting-service, which keeps meetings and their participants in Redis, runs host
 * controls and signs join tokens: the application, its settings
 * ({@code parley.meetings.*}) and metrics catalogue, with each feature in a package
 * below.
 */
package io.parley.meeting;
