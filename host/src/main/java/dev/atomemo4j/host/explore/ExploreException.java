package dev.atomemo4j.host.explore;

import java.util.List;
import java.util.Objects;

/**
 * An explore command that did not run, with a stable code and a clear reason (never a secret):
 * <ul>
 *   <li>{@code explore:invalid_command}: empty, blank, holding a NUL character, or longer than
 *       {@link ExploreCommands#MAX_LENGTH} characters (also after a hook's rewrite);
 *   <li>{@code explore:rejected}: a {@code beforeExplore} hook threw (or timed out);
 *   <li>{@code explore:no_backend}: no backend could be used; {@link #attempts()} says why for each one;
 *   <li>{@code explore:exec_failed}: the chosen backend threw instead of answering;
 *   <li>{@code explore:no_semantic_root}: the host's semantic root is not a directory;
 *   <li>{@code explore:closed}: the host is closed.
 * </ul>
 */
public final class ExploreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final String INVALID_COMMAND = "explore:invalid_command";
  public static final String REJECTED = "explore:rejected";
  public static final String NO_BACKEND = "explore:no_backend";
  public static final String EXEC_FAILED = "explore:exec_failed";
  public static final String NO_SEMANTIC_ROOT = "explore:no_semantic_root";
  public static final String CLOSED = "explore:closed";

  private final String code;
  private final transient List<BackendAttempt> attempts;

  public ExploreException(String code, String message) {
    this(code, message, List.of());
  }

  public ExploreException(String code, String message, List<BackendAttempt> attempts) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.attempts = List.copyOf(attempts);
  }

  /** The stable code, e.g. {@code explore:no_backend}. */
  public String code() {
    return code;
  }

  /** For {@code explore:no_backend}: every backend considered, in the order tried, and why it was not used. */
  public List<BackendAttempt> attempts() {
    return attempts;
  }
}
