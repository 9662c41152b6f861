/**
 * people-service, which keeps accounts, sessions, organizations, contacts, messages and
 * calls in PostgreSQL: the application, its settings ({@code parley.people.*}) and
 * metrics catalogue, with each feature in a package below.
 */
package io.parley.people;
