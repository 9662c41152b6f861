/**
 * recording-service, which catalogues meeting recordings from meeting-service's events,
 * turns the Janus capture of each into one WebM (the worker beside each Janus instance),
 * keeps the files and serves them to the hosts and organization admins: the application,
 * its settings ({@code parley.recordings.*}) and metrics catalogue, with each feature in
 * a package below.
 */
package io.parley.recording;
