package dev.atomemo4j.core.lifecycle;

import dev.atomemo4j.runtime.spi.ConfigViolation;
import java.util.List;

/**
 * Every problem found in a host's plugin configuration, all at once ({@code host:invalid_config}): each with its
 * path ({@code plugins.tickets.config.apiUrl}) and its own code ({@code config:required},
 * {@code host:duplicate_id}, {@code host:undefined_variable}, …). Thrown before any plugin is constructed. No
 * message quotes a secret value.
 */
public final class InvalidConfigException extends LifecycleException {
  private static final long serialVersionUID = 1L;

  public static final String CODE = "host:invalid_config";

  private final transient List<ConfigViolation> problems;

  public InvalidConfigException(List<ConfigViolation> problems) {
    super(CODE, describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in plugin order, then field order. */
  public List<ConfigViolation> problems() {
    return problems;
  }

  private static String describe(List<ConfigViolation> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append(problems.size() == 1 ? "1 problem" : problems.size() + " problems")
        .append(" in the plugin configuration; nothing was started:");
    for (ConfigViolation p : problems) {
      sb.append("\n  - ").append(p);
    }
    return sb.toString();
  }
}
