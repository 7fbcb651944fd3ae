package dev.atomemo4j.runtime.hooks;

import java.util.Objects;

/**
 * What a {@code BEFORE_EXPLORE} hook sees: the command about to run in a sandbox (as validated by the host, or as
 * the previous hook rewrote it, validated again).
 *
 * @param command the shell command
 */
public record ExploreEvent(String command) {
  public ExploreEvent {
    Objects.requireNonNull(command, "command");
  }
}
