/**
 * The request body limit: a larger body gets 413, whether its length is declared up front
 * or it is streamed.
 */
package io.parley.gateway.limits;
