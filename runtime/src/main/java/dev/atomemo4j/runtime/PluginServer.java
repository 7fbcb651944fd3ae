package dev.atomemo4j.runtime;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * A plugin connected to the Atomemo Hub, serving its requests; returned by {@link Atomemo4j.Builder#start()}.
 *
 * <p>It runs until {@link #close()} is called, the JVM shuts down (SIGINT/SIGTERM, when the shutdown hook is on),
 * or a fatal error stops it: the Hub refused the connection (expired debug key), the first join or the
 * registration, or closed the channel for good. A fatal stop completes {@link #termination()} exceptionally with an
 * {@link Atomemo4jException} whose message says what happened and what to do.
 *
 * <p>Shutting down stops accepting requests (new ones are answered {@code sdk:shutting_down}), waits for the
 * requests in flight up to the grace period, answers the rest with an error, fails pending Hub calls, leaves the
 * channel (waiting at most 10 s for the Hub's reply) and closes the WebSocket with code 1000. No request in flight
 * is dropped without an answer while the connection is up.
 */
public interface PluginServer extends AutoCloseable {

  /** Shuts down as described above and returns once the server has stopped. Idempotent; safe from any thread. */
  @Override
  void close();

  /**
   * Waits until the server has stopped.
   *
   * @throws Atomemo4jException if it stopped because of a fatal error
   */
  void awaitTermination() throws InterruptedException;

  /**
   * Waits at most {@code timeout} for the server to stop.
   *
   * @return true if it stopped, false if it is still running
   * @throws Atomemo4jException if it stopped because of a fatal error
   */
  boolean awaitTermination(Duration timeout) throws InterruptedException;

  /** Completes when the server has stopped: normally after {@link #close()}, exceptionally after a fatal error. */
  CompletionStage<Void> termination();
}
