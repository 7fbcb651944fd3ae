package dev.atomemo4j.core.lifecycle;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The host's deadlines: a default per {@link CallKind} and a maximum no deadline exceeds. Which one applies to a
 * call, most specific first: the operator's per-plugin override (host file or builder), the plugin's annotation
 * ({@code timeoutMs}), the host default; the result is capped at {@link #maximum()}.
 *
 * @param defaults a deadline for every kind
 * @param maximum the cap on every deadline
 */
public record Deadlines(Map<CallKind, Duration> defaults, Duration maximum) {

  /** The defaults of {@link CallKind}, capped at ten minutes. */
  public static final Deadlines DEFAULT = defaultsCappedAt(Duration.ofMinutes(10));

  public Deadlines {
    Objects.requireNonNull(maximum, "maximum");
    requirePositive("maximum", maximum);
    EnumMap<CallKind, Duration> copy = new EnumMap<>(CallKind.class);
    for (CallKind kind : CallKind.values()) {
      Duration d = defaults.get(kind);
      if (d == null) {
        throw new IllegalArgumentException("no default deadline for " + kind.wireName());
      }
      requirePositive(kind.wireName(), d);
      copy.put(kind, d);
    }
    defaults = Map.copyOf(copy);
  }

  private static Deadlines defaultsCappedAt(Duration maximum) {
    EnumMap<CallKind, Duration> defaults = new EnumMap<>(CallKind.class);
    for (CallKind kind : CallKind.values()) {
      defaults.put(kind, kind.defaultDeadline());
    }
    return new Deadlines(defaults, maximum);
  }

  /** These deadlines with another default for one kind. */
  public Deadlines withDefault(CallKind kind, Duration deadline) {
    EnumMap<CallKind, Duration> copy = new EnumMap<>(defaults);
    copy.put(kind, deadline);
    return new Deadlines(copy, maximum);
  }

  /** These deadlines with another maximum. */
  public Deadlines withMaximum(Duration newMaximum) {
    return new Deadlines(defaults, newMaximum);
  }

  /**
   * The deadline of one call.
   *
   * @param override the operator's per-plugin deadline, or null
   * @param declared the annotation's deadline, or null (or zero) for none
   */
  public Duration resolve(CallKind kind, Duration override, Duration declared) {
    Duration chosen;
    if (override != null) {
      chosen = override;
    } else if (declared != null && !declared.isZero() && !declared.isNegative()) {
      chosen = declared;
    } else {
      chosen = defaults.get(kind);
    }
    return chosen.compareTo(maximum) > 0 ? maximum : chosen;
  }

  static void requirePositive(String what, Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("the " + what + " deadline must be positive, got " + d);
    }
  }
}
