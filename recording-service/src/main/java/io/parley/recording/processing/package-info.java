/**
 * The recording worker: jobs claimed under a lease in PostgreSQL, the capture files of
 * one recording turned into per-participant files by janus-pp-rec and composed into one
 * WebM by ffmpeg.
 */
package io.parley.recording.processing;
