package dev.atomemo4j.runtime;

/**
 * Where a hosted plugin is in its life (atlas-features.md §5.1):
 *
 * <pre>
 *   REGISTERED → INITIALIZING → HEALTHY ⇄ UNHEALTHY → TEARDOWN
 * </pre>
 *
 * Whether it is enabled is a separate flag. The one copy of this enum: host, front ends and tools share it.
 */
public enum PluginStatus {
  REGISTERED("registered"),
  INITIALIZING("initializing"),
  HEALTHY("healthy"),
  UNHEALTHY("unhealthy"),
  TEARDOWN("teardown");

  private final String wireName;

  PluginStatus(String wireName) {
    this.wireName = wireName;
  }

  /** The lower-case name the admin API and the manifest use. */
  public String wireName() {
    return wireName;
  }
}
