/**
 * Leases in Redis: the versioned Lua scripts that acquire, renew, end and sweep them
 * atomically, and the use cases every entry point shares.
 */
package io.parley.streamlimit.lease;
