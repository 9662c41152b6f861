/**
 * The rules for text that one person types and others read (messages, chat, names,
 * titles), as plain checks that each service answers in its own words.
 */
package io.parley.support.text;
