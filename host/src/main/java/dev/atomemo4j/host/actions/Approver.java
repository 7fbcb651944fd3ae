package dev.atomemo4j.host.actions;

import java.util.Objects;
import java.util.Set;

/**
 * The person approving or denying: an authenticated user id and roles. {@link #NONE} stands for "no user" and is
 * always refused.
 */
public record Approver(String userId, Set<String> roles) {
  /** The role every approval needs. */
  public static final String APPROVER = "approver";
  /** The role {@code admin-only} actions need (it includes {@link #APPROVER}). */
  public static final String ADMIN = "admin";
  /** No authenticated user. */
  public static final Approver NONE = new Approver(null, Set.of());

  public Approver {
    roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
  }

  public static Approver of(String userId, String... roles) {
    return new Approver(Objects.requireNonNull(userId, "userId"), Set.of(roles));
  }

  boolean authenticated() {
    return userId != null && !userId.isBlank();
  }

  boolean has(String role) {
    return roles.contains(role) || (role.equals(APPROVER) && roles.contains(ADMIN));
  }
}
