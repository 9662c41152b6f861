/**
 * The STUN and TURN servers handed to clients, with TURN credentials as coturn's REST API
 * expects them.
 */
package io.parley.signaling.ice;
