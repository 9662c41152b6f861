/**
 * stream-limit-service, which caps how many streams each user holds at once with leases
 * in Redis: the application, its policy ({@code parley.streams.*}) and metrics catalogue,
 * with each part in a package below.
 */
package io.parley.streamlimit;
