package dev.atomemo4j.runtime.sandbox;

import java.util.Objects;

/** What a sandbox backend's {@code exec(command)} answers: the command's output streams and its exit code. */
public record ExecResult(String stdout, String stderr, int exitCode) {
  public ExecResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }
}
