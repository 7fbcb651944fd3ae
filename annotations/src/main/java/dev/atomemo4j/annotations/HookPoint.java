package dev.atomemo4j.annotations;

/**
 * Where in the host a {@link Hook} method runs (atlas-features.md §7). Each point fixes the event the method
 * receives and what it may return; the processor checks the signature at compile time.
 *
 * <p>Atlas's tool-call hooks ({@code beforeToolCall}, {@code afterToolCall}) come later; they will be new constants
 * here, so existing plugins keep compiling.
 */
public enum HookPoint {
  /**
   * Before a datasource query runs, after the host validated it: {@code QueryRewrite|void name(QueryEvent)}. A
   * rewrite is validated again before the next hook sees it; a throw rejects the query.
   */
  BEFORE_QUERY("beforeQuery"),
  /** After a query answered: {@code void name(QueryResultEvent)}. Failures are logged, never change the result. */
  AFTER_QUERY("afterQuery"),
  /**
   * Before an explore command runs in a sandbox: {@code ExploreRewrite|void name(ExploreEvent)}. A rewrite is
   * validated again (Atlas does not); a throw rejects the command.
   */
  BEFORE_EXPLORE("beforeExplore"),
  /** After an explore command ran: {@code void name(ExploreResultEvent)}. Failures are logged. */
  AFTER_EXPLORE("afterExplore"),
  /** When the host's HTTP server receives a request: {@code void name(RequestEvent)}. Observes only. */
  ON_REQUEST("onRequest"),
  /** After the host's HTTP server answered: {@code void name(ResponseEvent)}. Observes only. */
  ON_RESPONSE("onResponse");

  private final String wireName;

  HookPoint(String wireName) {
    this.wireName = wireName;
  }

  /** Atlas's name of the hook: {@code beforeQuery}, {@code onRequest}, …; the plugin manifest uses it. */
  public String wireName() {
    return wireName;
  }

  /** Whether a hook here may change what the host does (rewrite or reject); the others only observe. */
  public boolean mutable() {
    return this == BEFORE_QUERY || this == BEFORE_EXPLORE;
  }
}
