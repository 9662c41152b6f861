/**
 * A quality sample as it travels on Kafka and as the views show it: ids, timestamps and
 * the normalised measurements.
 */
package io.parley.quality.sample;
