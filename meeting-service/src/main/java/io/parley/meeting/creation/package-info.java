/**
 * Creating meetings ({@code POST /api/meetings}): API keys and guest creation, the caps
 * per creator, and named rooms that join the running meeting instead of founding another.
 */
package io.parley.meeting.creation;
