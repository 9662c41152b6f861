/**
 * Where finished recordings are kept (a local folder or an S3 bucket), how a finished
 * job's files are published, and the retention sweep that deletes old recordings with
 * their files.
 */
package io.parley.recording.storage;
