/**
 * A stack's state on disk and in the process table: the data directory, the pid file, and
 * each process's memory and CPU time.
 */
package io.parley.devstack.run;
