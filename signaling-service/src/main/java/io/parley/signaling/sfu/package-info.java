/**
 * The selective forwarding unit: Janus WebRTC Server instances driven over Janus's HTTP
 * API (VideoRoom rooms per meeting) and watched over its admin API. Meetings still run as
 * a mesh; nothing in the socket flow calls this package yet.
 */
package io.parley.signaling.sfu;
