/**
 * The beacon endpoint: parsing either beacon format, checking the join token, and
 * publishing the sample to Kafka before answering 204.
 */
package io.parley.quality.beacon;
