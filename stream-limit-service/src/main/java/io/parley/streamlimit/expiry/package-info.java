/**
 * The sweeper that finds the leases that ran out and reports them.
 */
package io.parley.streamlimit.expiry;
