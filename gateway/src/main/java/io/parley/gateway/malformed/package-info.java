/**
 * Problem-detail bodies for the requests Netty refuses before any filter runs, which
 * would otherwise be answered with an empty body.
 */
package io.parley.gateway.malformed;
