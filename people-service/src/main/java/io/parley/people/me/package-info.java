/**
 * The signed-in person's own account ({@code /api/me}): profile, password, sessions,
 * export and deletion.
 */
package io.parley.people.me;
