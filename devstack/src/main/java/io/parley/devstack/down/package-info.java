/**
 * {@code ./parley down}: stopping a running stack, or the processes left behind by a
 * launcher that died.
 */
package io.parley.devstack.down;
