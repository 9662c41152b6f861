/**
 * The gateway's end of proxied WebSockets: the origin checked on the upgrade, the token
 * relayed from header or query, and a message over the size limit closed with 1009.
 */
package io.parley.gateway.websocket;
