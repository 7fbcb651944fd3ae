package dev.atomemo4j.runtime.internal.phoenix;

/**
 * Receives the frames of one event on one channel.
 *
 * <p>Runs on the socket loop: it must return quickly and never block (no I/O, no waiting on futures). Hand real work
 * to a worker pool. An exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface EventHandler {
  void handle(Frame frame);
}
