package dev.atomemo4j.host.explore;

import dev.atomemo4j.runtime.sandbox.SandboxCapabilities;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The built-in backend for development only: {@code sh -c command} in the semantic root, as the host's own user,
 * with the host's network and file system. It isolates nothing (all capabilities false), so any security policy
 * that requires one refuses it, and choosing it logs a warning. Priority 0: the last resort.
 */
final class PlainProcessBackend implements RunningBackend {
  static final String NAME = "builtin:plain-process";
  static final int PRIORITY = 0;
  static final SandboxCapabilities CAPABILITIES = SandboxCapabilities.NONE;
  static final String DESCRIPTION = "sh -c in the semantic root, no isolation (development only)";
  /** What commands get instead of the host's environment. */
  static final Map<String, String> ENVIRONMENT = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "LANG", "C.UTF-8");

  private final Path root;

  private PlainProcessBackend(Path root) {
    this.root = root;
  }

  static RunningBackend create(Path semanticRoot) {
    return new PlainProcessBackend(semanticRoot);
  }

  @Override
  public ProcessOutput exec(String command, ExploreLimits limits) throws Exception {
    return ProcessRunner.run(List.of("/bin/sh", "-c", command), root, ENVIRONMENT, limits);
  }

  @Override
  public void close() {}
}
