package dev.atomemo4j.core.hooks;

/**
 * The caller's validation of a rewrite (a rewritten query or explore command), run by the dispatcher after each
 * before-hook that changed the text and before the next hook sees it. The caller validates exactly as it validated
 * the original text, and throws its own structured rejection when the rewrite fails; the dispatcher lets that
 * exception through unchanged.
 */
@FunctionalInterface
public interface Revalidation {

  /** Passes everything: for callers whose original text needed no validation either. */
  Revalidation NONE = rewritten -> rewritten;

  /**
   * Validates {@code rewritten}; returns the text to go on with: the same text, or the caller's normal form of it
   * (a LIMIT added again, say), which the next hook sees. Null means {@code rewritten}.
   *
   * @throws RuntimeException the caller's rejection of the rewrite
   */
  String check(String rewritten);
}
