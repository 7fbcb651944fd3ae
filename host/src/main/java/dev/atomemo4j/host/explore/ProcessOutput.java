package dev.atomemo4j.host.explore;

/**
 * How one command ended in a limit-aware backend: its output within the limit, its exit code, and whether a limit
 * cut it.
 */
record ProcessOutput(String stdout, String stderr, int exitCode, boolean timedOut, boolean truncated) {}
