package dev.atomemo4j.runtime.hooks;

import java.util.Objects;

/**
 * What a {@code BEFORE_EXPLORE} hook returns to change the command. Unlike Atlas, the host validates a rewritten
 * command again before the next hook sees it or it runs; one that fails validation rejects the command. Return null
 * (or declare the method {@code void}) to pass the command on unchanged; throw to reject it.
 *
 * @param command the command to run instead
 */
public record ExploreRewrite(String command) {
  public ExploreRewrite {
    Objects.requireNonNull(command, "command");
  }

  /** Rewrites the command to {@code command}. */
  public static ExploreRewrite to(String command) {
    return new ExploreRewrite(command);
  }
}
