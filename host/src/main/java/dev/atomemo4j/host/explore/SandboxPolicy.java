package dev.atomemo4j.host.explore;

import dev.atomemo4j.runtime.sandbox.SandboxCapabilities;
import java.util.List;
import java.util.Objects;

/**
 * The host's security policy for explore backends: the capabilities a backend must declare to be used
 * (atlas-features.md §11, §16 row 12). Atlas only logs the declarations; a host here may require them, and a
 * backend lacking one is skipped, never tried. The default requires nothing (so the plain-process backend remains
 * the last resort on a development machine); a production host should require all three.
 *
 * @param required the capabilities every backend used must declare
 */
public record SandboxPolicy(SandboxCapabilities required) {
  /** Requires nothing. */
  public static final SandboxPolicy PERMISSIVE = new SandboxPolicy(SandboxCapabilities.NONE);
  /** Requires every capability: only real sandboxes run commands. */
  public static final SandboxPolicy ISOLATED = new SandboxPolicy(SandboxCapabilities.ISOLATED);

  public SandboxPolicy {
    Objects.requireNonNull(required, "required");
  }

  /** The capabilities {@code declared} lacks; empty when the policy allows it. */
  public List<String> missing(SandboxCapabilities declared) {
    return declared.missing(required);
  }
}
