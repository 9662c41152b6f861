/**
 * What every Parley service gets by depending on this library: problem details for every
 * error, the header naming the answering service, and the Kafka, Redis and lifecycle
 * support of the packages below.
 */
package io.parley.support;
