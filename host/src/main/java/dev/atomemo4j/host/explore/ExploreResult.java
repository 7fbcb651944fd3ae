package dev.atomemo4j.host.explore;

import java.util.Objects;

/**
 * What {@code host.explore(command)} answers when a backend ran the command.
 *
 * @param backend the backend that ran it: a plugin id, or {@code builtin:bubblewrap} / {@code builtin:plain-process}
 * @param command the command that ran, after the {@code beforeExplore} hooks' rewrites
 * @param stdout what it printed, cut to the output limit
 * @param stderr what it printed on stderr, cut to what was left of the output limit
 * @param exitCode its exit status; for a command the host killed (timed out, or over the output limit) the status
 *     of the killed process ({@code 137} for SIGKILL) or {@code -1} when the backend gave none
 * @param timedOut whether the time limit killed it
 * @param truncated whether the output limit cut its output (and killed it)
 */
public record ExploreResult(String backend, String command, String stdout, String stderr, int exitCode,
    boolean timedOut, boolean truncated) {
  public ExploreResult {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** Ran to its end within the limits with exit code 0. */
  public boolean succeeded() {
    return exitCode == 0 && !timedOut && !truncated;
  }
}
