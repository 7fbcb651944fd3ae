/**
 * Logging helpers every front end shares: {@link dev.atomemo4j.core.logging.WarningLimiter} keeps a flood of
 * warnings someone else can trigger from flooding the log.
 */
package dev.atomemo4j.core.logging;
