/**
 * The PostgreSQL history of quality samples: batched idempotent writes, a table
 * partitioned by day with partitions created ahead and dropped past the retention, and
 * the reads behind the views and the export.
 */
package io.parley.quality.history;
