/**
 * Each service started as its own JVM from its jar (with a class-data-sharing archive),
 * and the wait until every one is ready.
 */
package io.parley.devstack.services;
