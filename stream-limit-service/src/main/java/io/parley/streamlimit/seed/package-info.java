/**
 * The API of the service this one replaces, with its exact bodies and status codes, for
 * clients not yet moved to {@code /api/streams}.
 */
package io.parley.streamlimit.seed;
