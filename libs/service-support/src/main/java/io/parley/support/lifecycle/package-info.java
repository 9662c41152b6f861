/**
 * Background work that runs every period while the application runs (outbox relays,
 * sweepers), one run at a time.
 */
package io.parley.support.lifecycle;
