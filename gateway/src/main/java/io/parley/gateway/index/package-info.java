/**
 * {@code GET /api}, the list of public endpoints, and the links into the web client that
 * open it at any depth.
 */
package io.parley.gateway.index;
