/**
 * The consumer of {@code parley.quality.samples}: stores each batch in the history, adds
 * new samples to the Prometheus histograms, and only then commits the offsets.
 */
package io.parley.quality.pipeline;
