/**
 * The signed-in person behind a create or join request, and who may enter a meeting:
 * anyone with the link, one organization, or the accounts the host invited.
 */
package io.parley.meeting.person;
