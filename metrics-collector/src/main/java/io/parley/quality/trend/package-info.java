/**
 * Quality trends: an organization's call quality per day over a date range, computed by
 * PostgreSQL from the history, for the organization's owners and admins.
 */
package io.parley.quality.trend;
