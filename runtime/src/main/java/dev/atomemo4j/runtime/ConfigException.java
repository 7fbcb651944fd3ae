package dev.atomemo4j.runtime;

import java.util.List;

/**
 * The configuration is wrong or incomplete. {@link #problems()} lists every problem found, not just the first, and
 * the message lists them all, one per line, ready to print.
 */
public final class ConfigException extends Atomemo4jException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as one sentence, in the order found. */
  public List<String> problems() {
    return problems;
  }

  private static String format(List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    StringBuilder out = new StringBuilder("atomemo4j cannot start: ");
    if (problems.size() == 1) {
      return out.append(problems.get(0)).toString();
    }
    out.append(problems.size()).append(" configuration problems:");
    for (String p : problems) {
      out.append("\n  - ").append(p);
    }
    return out.toString();
  }

  /** No stack trace: this is a message for a person, and {@code Atomemo4j.run()} prints only the message. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
