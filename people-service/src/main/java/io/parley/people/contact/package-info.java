/**
 * Contacts, contact requests and blocks, and what ending a contact takes with it.
 */
package io.parley.people.contact;
