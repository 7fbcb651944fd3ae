package dev.atomemo4j.runtime.hooks;

import dev.atomemo4j.runtime.sandbox.ExecResult;
import java.util.Objects;

/**
 * What an {@code AFTER_EXPLORE} hook sees: the command that ran (after every rewrite) and its output. Observation
 * only.
 *
 * @param command the command as it ran
 * @param output what the sandbox answered
 */
public record ExploreResultEvent(String command, ExecResult output) {
  public ExploreResultEvent {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(output, "output");
  }
}
