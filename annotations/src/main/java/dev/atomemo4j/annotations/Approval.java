package dev.atomemo4j.annotations;

/**
 * Who must approve an {@link Action} before its body runs. The names state the approver (atlas-features.md §16
 * row 1): unlike Atlas, {@code ADMIN_ONLY} means the admin role, not "owner".
 *
 * <p>The one copy of this enum: the processor, the host and every front end use it.
 */
public enum Approval {
  /** Any user with the approver role approves or denies it. */
  MANUAL("manual"),
  /** Only a user with the admin role; by default not the requester. */
  ADMIN_ONLY("admin-only"),
  /** Runs at once, without a person: the only mode a front end may serve as a plain tool. */
  AUTO("auto");

  private final String wireName;

  Approval(String wireName) {
    this.wireName = wireName;
  }

  /** The name host files, the manifest and the API use: {@code manual}, {@code admin-only}, {@code auto}. */
  public String wireName() {
    return wireName;
  }

  /** The mode of a wire name, or null when there is none. */
  public static Approval ofWireName(String name) {
    for (Approval a : values()) {
      if (a.wireName.equals(name)) {
        return a;
      }
    }
    return null;
  }
}
