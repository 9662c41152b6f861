/**
 * Who a request acts for (a join token's subject, or the user an API-key integration
 * names) and what the ids it names may look like.
 */
package io.parley.streamlimit.caller;
