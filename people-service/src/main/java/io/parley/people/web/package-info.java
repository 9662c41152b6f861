/**
 * The HTTP edge: the client's address, checks on what people type, and every refusal or
 * outage as an RFC 9457 problem.
 */
package io.parley.people.web;
