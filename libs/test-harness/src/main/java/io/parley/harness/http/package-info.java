/**
 * HTTP clients for what the usual test clients do badly, such as sending a body that a
 * service refuses with 413 before reading it all.
 */
package io.parley.harness.http;
