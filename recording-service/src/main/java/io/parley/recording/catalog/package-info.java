/**
 * The recordings catalogue in PostgreSQL: one row per recording, its state, who may read
 * it, and the counts the metrics report.
 */
package io.parley.recording.catalog;
