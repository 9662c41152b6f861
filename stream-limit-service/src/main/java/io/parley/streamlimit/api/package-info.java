/**
 * {@code /api/streams}: starting, renewing, ending and listing the caller's leases.
 */
package io.parley.streamlimit.api;
