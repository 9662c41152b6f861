/**
 * Direct messages between contacts: conversations numbered in sequence, history pages,
 * and read markers that give the unread counts.
 */
package io.parley.people.message;
