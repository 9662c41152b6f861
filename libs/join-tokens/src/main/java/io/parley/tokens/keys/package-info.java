/**
 * Token keys: read from a directory of PEM or JWK files (or generated once for
 * development), rotated by file name, and another service's published keys fetched as a
 * JWKS.
 */
package io.parley.tokens.keys;
