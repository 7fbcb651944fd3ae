package dev.atomemo4j.host.explore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a host explores: the semantic root commands see, the security policy, the limits, which built-in backends
 * take part, and the deadline of a plugin backend's {@code create}. Immutable; {@code with…} returns a copy.
 *
 * @param semanticRoot the directory commands explore (read-only inside real sandboxes); default {@code semantic}
 *     under the working directory, as Atlas's
 * @param policy the capabilities a backend must declare
 * @param limits output and time limits of every command
 * @param builtIns the built-in backends that take part (default both)
 * @param bwrap the bubblewrap executable, a path or a name on {@code PATH} (default {@code bwrap})
 * @param createTimeout the deadline of one {@code create(semanticRoot)} of a plugin backend (default 30 s)
 */
public record ExploreSettings(Path semanticRoot, SandboxPolicy policy, ExploreLimits limits, Set<BuiltIn> builtIns,
    String bwrap, Duration createTimeout) {

  /** The host's own backends. */
  public enum BuiltIn {
    /** {@code builtin:bubblewrap}, priority 60, every capability. */
    BUBBLEWRAP,
    /** {@code builtin:plain-process}, priority 0, no capability: development only. */
    PLAIN_PROCESS
  }

  public ExploreSettings {
    Objects.requireNonNull(semanticRoot, "semanticRoot");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(limits, "limits");
    builtIns = builtIns.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(builtIns));
    Objects.requireNonNull(bwrap, "bwrap");
    Objects.requireNonNull(createTimeout, "createTimeout");
    if (createTimeout.isNegative() || createTimeout.isZero()) {
      throw new IllegalArgumentException("the create timeout must be positive, got " + createTimeout);
    }
  }

  public static ExploreSettings defaults() {
    return new ExploreSettings(Path.of("semantic"), SandboxPolicy.PERMISSIVE, ExploreLimits.DEFAULT,
        EnumSet.allOf(BuiltIn.class), "bwrap", Duration.ofSeconds(30));
  }

  public ExploreSettings withSemanticRoot(Path root) {
    return new ExploreSettings(root, policy, limits, builtIns, bwrap, createTimeout);
  }

  public ExploreSettings withPolicy(SandboxPolicy p) {
    return new ExploreSettings(semanticRoot, p, limits, builtIns, bwrap, createTimeout);
  }

  public ExploreSettings withLimits(ExploreLimits l) {
    return new ExploreSettings(semanticRoot, policy, l, builtIns, bwrap, createTimeout);
  }

  public ExploreSettings withBuiltIns(Set<BuiltIn> b) {
    return new ExploreSettings(semanticRoot, policy, limits, b, bwrap, createTimeout);
  }

  public ExploreSettings withBwrap(String executable) {
    return new ExploreSettings(semanticRoot, policy, limits, builtIns, executable, createTimeout);
  }

  public ExploreSettings withCreateTimeout(Duration timeout) {
    return new ExploreSettings(semanticRoot, policy, limits, builtIns, bwrap, timeout);
  }
}
