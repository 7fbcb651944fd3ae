package dev.atomemo4j.runtime.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The isolation a sandbox backend declares (atlas-features.md §2.5): what a host's security policy may require.
 *
 * @param networkIsolation commands cannot open network connections
 * @param filesystemIsolation the semantic root is read-only and nothing outside a private scratch area is writable
 * @param unprivilegedExecution commands run without capabilities and cannot gain privileges
 */
public record SandboxCapabilities(boolean networkIsolation, boolean filesystemIsolation,
    boolean unprivilegedExecution) {

  /** Every capability: what a real sandbox declares. */
  public static final SandboxCapabilities ISOLATED = new SandboxCapabilities(true, true, true);
  /** None: a backend that runs commands as the host's own process does. */
  public static final SandboxCapabilities NONE = new SandboxCapabilities(false, false, false);

  /** Whether none of the three is declared. */
  public boolean insecure() {
    return !networkIsolation && !filesystemIsolation && !unprivilegedExecution;
  }

  /** The names of the capabilities of {@code required} this one lacks, in a fixed order; empty when it has all. */
  public List<String> missing(SandboxCapabilities required) {
    List<String> out = new ArrayList<>(3);
    if (required.networkIsolation && !networkIsolation) {
      out.add("networkIsolation");
    }
    if (required.filesystemIsolation && !filesystemIsolation) {
      out.add("filesystemIsolation");
    }
    if (required.unprivilegedExecution && !unprivilegedExecution) {
      out.add("unprivilegedExecution");
    }
    return out;
  }
}
