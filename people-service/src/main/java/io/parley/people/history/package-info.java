/**
 * "My meetings": the meetings people hosted or joined, built from meeting-service's
 * events, with those no signed-in person took part in forgotten.
 */
package io.parley.people.history;
