package dev.atomemo4j.host.actions;

import java.util.Set;

/**
 * The states of a stored action request. {@code pending → approved | denied | expired}, {@code approved →
 * executing → succeeded | failed}, and {@code executing → interrupted} for a host that stopped mid-execution: an
 * interrupted request is never re-run by itself. Every move is a compare-and-set in the store, and audited.
 */
public enum ActionState {
  PENDING("pending"),
  APPROVED("approved"),
  DENIED("denied"),
  EXPIRED("expired"),
  EXECUTING("executing"),
  SUCCEEDED("succeeded"),
  FAILED("failed"),
  INTERRUPTED("interrupted");

  private final String wireName;

  ActionState(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static ActionState ofWireName(String name) {
    for (ActionState s : values()) {
      if (s.wireName.equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown action state " + name);
  }

  /** The states this one may move to. */
  public Set<ActionState> next() {
    return switch (this) {
      case PENDING -> Set.of(APPROVED, DENIED, EXPIRED, EXECUTING);
      case APPROVED -> Set.of(EXECUTING);
      case EXECUTING -> Set.of(SUCCEEDED, FAILED, INTERRUPTED);
      default -> Set.of();
    };
  }
}
