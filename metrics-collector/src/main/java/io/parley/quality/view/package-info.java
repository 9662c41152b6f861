/**
 * The quality views, served from the history: each participant's series, the meeting's
 * summary, the export as JSON Lines or CSV, and who may read them.
 */
package io.parley.quality.view;
