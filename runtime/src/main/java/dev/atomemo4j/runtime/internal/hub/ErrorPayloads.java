package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.pipeline.ErrorObjects;
import dev.atomemo4j.core.pipeline.Secrets;

/**
 * Builds the {@code error} objects of {@code <event>_error} (hub-protocol §11): always {@code code} and
 * {@code message}; {@code name} (the exception class) for the plugin's exceptions; {@code stack} only with
 * {@code DEBUG=true}. Every text passes through the request's {@link Secrets} first. The object is the core's
 * {@link ErrorObjects}, shared with the other front ends; this class names it for the Hub's code.
 */
final class ErrorPayloads {

  private ErrorPayloads() {}

  static ObjectNode error(String code, String message) {
    return ErrorObjects.error(code, message);
  }

  /** The error object for {@code failure}, which ended the request. */
  static ObjectNode of(Throwable failure, Secrets secrets, boolean withStack) {
    return ErrorObjects.of(failure, secrets, withStack);
  }

  /** The failure the plugin's code threw, without the future wrappers around it. */
  static Throwable unwrap(Throwable t) {
    return ErrorObjects.unwrap(t);
  }

  static boolean isCancellation(Throwable t) {
    return ErrorObjects.isCancellation(t);
  }
}
