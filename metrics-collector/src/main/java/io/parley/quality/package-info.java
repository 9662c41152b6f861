/**
 * metrics-collector, which takes call-quality beacons from browsers, puts them on Kafka,
 * stores every sample in its PostgreSQL history and serves the quality views: the
 * application, its settings ({@code parley.quality.*}) and metrics catalogue, with each
 * feature in a package below.
 */
package io.parley.quality;
