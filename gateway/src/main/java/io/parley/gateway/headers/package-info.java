/**
 * Headers on every response the gateway gives or proxies: the security headers, and CORS
 * for the origins an operator lists.
 */
package io.parley.gateway.headers;
