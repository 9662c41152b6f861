/**
 * Join-token verification for beacons and views, with a cache of verified tokens in front
 * of the shared verifier.
 */
package io.parley.quality.token;
