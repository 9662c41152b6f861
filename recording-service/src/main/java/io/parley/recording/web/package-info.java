/**
 * The HTTP API: recordings of a meeting, one recording, its file (with range requests),
 * deletion, and the signed-in person's recordings; every error a problem detail.
 */
package io.parley.recording.web;
