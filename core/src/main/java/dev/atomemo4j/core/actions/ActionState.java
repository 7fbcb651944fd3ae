package dev.atomemo4j.core.actions;

import java.util.Set;

/**
 * The states of a stored action request. {@code pending → approved | denied | expired}, {@code approved →
 * executing → succeeded | failed}, and {@code executing → interrupted} for a host that stopped mid-execution: an
 * interrupted request is never re-run by itself. Every move is a compare-and-set in the host's store, and audited.
 * One enum for the store, the host's API and every front end's {@link ActionOutcome}, by the host's wire names.
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

  /** The state of a wire name. */
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

  /** Whether nothing more will happen to a request in this state. */
  public boolean isFinal() {
    return next().isEmpty();
  }
}
