/**
 * Who may read and delete a recording: the host (their account, or their join token of
 * the meeting) and the owners and admins of the meeting's organization.
 */
package io.parley.recording.access;
