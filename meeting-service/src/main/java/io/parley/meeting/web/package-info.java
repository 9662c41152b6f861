/**
 * The HTTP edge, below which nothing reads HTTP: the caller resolved once from the
 * request, strictly read JSON bodies, and every refusal as an RFC 9457 problem.
 */
package io.parley.meeting.web;
