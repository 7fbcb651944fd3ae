package dev.atomemo4j.runtime.internal.hub;

import dev.atomemo4j.runtime.ToolException;

/**
 * A Hub call ({@code hub_call:<name>}) failed: the Hub answered with an error, it did not answer in time, or the
 * plugin is shutting down. It is a {@link ToolException}, so a tool that lets it propagate answers the Hub with
 * the same code and message.
 */
final class HubCallException extends ToolException {

  HubCallException(String code, String message) {
    super(code, message);
  }
}
