package dev.atomemo4j.examples.browser;

import dev.atomemo4j.annotations.Plugin;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.annotations.Sandbox;
import dev.atomemo4j.runtime.sandbox.ExploreBackend;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A sandbox plugin that is its own shell: the agent's explore commands ({@code ls}, {@code cat}, {@code head},
 * {@code grep}, {@code find}, {@code pwd}) are answered in the host's process by {@link SemanticShell}, over the
 * semantic root only. No process starts, nothing opens a socket, nothing is written, and no path outside the root
 * (not through {@code ..}, not through a symlink) is read: so it can honestly declare every capability, and with
 * priority 70 it is chosen above the host's built-in bubblewrap (60) even where bwrap cannot run.
 *
 * <p>No {@code @HealthCheck}: the host's default for sandboxes (create a backend and close it within 30 s) is
 * exactly the check this plugin needs.
 */
@Plugin(
    name = "semantic-browser",
    displayName = "Semantic Browser",
    description = "Answers explore commands (ls, cat, head, grep, find) over the semantic layer without a shell.",
    icon = "🔎",
    types = PluginType.SANDBOX,
    config = BrowserConfig.class)
public final class SemanticBrowser {
  private final BrowserConfig config;

  public SemanticBrowser(BrowserConfig config) {
    this.config = config;
  }

  @Sandbox(priority = 70, networkIsolation = true, filesystemIsolation = true, unprivilegedExecution = true,
      description = "in-process ls, cat, head, grep and find over the semantic root: no processes, no network, "
          + "no writes, no path outside the root")
  public ExploreBackend create(Path semanticRoot) throws IOException {
    return new SemanticShell(semanticRoot, config.maxLines());
  }
}
