/**
 * What the integration tests share: the running service, tokens, events, real capture
 * files and a look into the catalogue.
 */
package io.parley.recording.support;
