package dev.atomemo4j.core.query;

import java.util.Objects;

/**
 * A query the host refused or could not answer, as a front end sees it through a {@link QueryGateway}: the host's
 * stable {@code code} ({@code query:table_not_allowed}, {@code query:not_read_only}, {@code query:timeout},
 * {@code host:hook_rejected}, …) and the user-facing {@code reason}, which never holds a secret.
 */
public final class QueryRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final String reason;

  public QueryRefusal(String code, String reason) {
    super(reason + " [" + code + "]", null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public String code() {
    return code;
  }

  /** The reason for the user, without the code. */
  public String reason() {
    return reason;
  }
}
