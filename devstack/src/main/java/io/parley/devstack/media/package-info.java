/**
 * The media servers a local stack runs when they are installed: Janus, the SFU meetings
 * move to once they outgrow a mesh, and coturn, the TURN relay for networks that block
 * direct UDP; and what signaling is told about them.
 */
package io.parley.devstack.media;
