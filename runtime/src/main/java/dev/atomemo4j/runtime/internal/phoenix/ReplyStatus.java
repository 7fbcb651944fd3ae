package dev.atomemo4j.runtime.internal.phoenix;

/** How a {@link Push} ended. {@code OK} and {@code ERROR} come from the server; {@code TIMEOUT} is local only. */
public enum ReplyStatus {
  OK("ok"),
  ERROR("error"),
  TIMEOUT("timeout");

  private final String wireName;

  ReplyStatus(String wireName) {
    this.wireName = wireName;
  }

  /** The server only ever sends "ok" or "error"; anything else (including "timeout") is not a reply status. */
  static ReplyStatus fromServer(String status) {
    if (OK.wireName.equals(status)) {
      return OK;
    }
    if (ERROR.wireName.equals(status)) {
      return ERROR;
    }
    return null;
  }

  public String wireName() {
    return wireName;
  }
}
