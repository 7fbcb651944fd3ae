package dev.atomemo4j.host.explore;

import dev.atomemo4j.runtime.sandbox.SandboxCapabilities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built-in sandbox: each command runs in a fresh bubblewrap ({@code bwrap}, Debian's {@code bubblewrap})
 * container made of
 * <ul>
 *   <li>new namespaces for everything ({@code --unshare-all}): no network but its own loopback, so nothing on the
 *       host (not even 127.0.0.1) is reachable; its own PID namespace with a fresh {@code /proc}, so no process
 *       outside is visible; its own IPC, UTS and cgroup namespaces;
 *   <li>a read-only file system: {@code /usr} and the {@code /bin}, {@code /sbin}, {@code /lib*} entries (as the host
 *       has them, directories or merged-/usr links), the few {@code /etc} files {@code sh} and core utilities use,
 *       the semantic root at {@link #SEMANTIC_DIR} (the working directory), and the root remounted read-only at the
 *       end; the only writable place is a private, empty {@code /tmp} (tmpfs) that goes with the container;
 *   <li>no privileges: every capability dropped, {@code PR_SET_NO_NEW_PRIVS} (bwrap always sets it, so set-uid
 *       programs cannot raise them), and, where user namespaces work, the user {@code nobody};
 *   <li>{@code --die-with-parent} (killing bwrap kills the command) and {@code --new-session} (no terminal to
 *       inject input into);
 *   <li>an environment of its own ({@code --clearenv}; none of the host's variables, which may hold secrets).
 * </ul>
 * Priority 60: Atlas's nsjail (75) and vendor sandboxes rank above it, its sidecar (50) below.
 *
 * <p>{@link #create} checks that bwrap runs here at all (a container may forbid namespaces) and whether it may add a
 * user namespace: as root in CI containers user namespaces may be restricted, and root creates the other
 * namespaces without one, so the container then runs as root without capabilities instead of as {@code nobody}.
 */
final class BubblewrapBackend implements RunningBackend {
  static final String NAME = "builtin:bubblewrap";
  static final int PRIORITY = 60;
  static final SandboxCapabilities CAPABILITIES = SandboxCapabilities.ISOLATED;
  static final String DESCRIPTION = "bubblewrap: no network, read-only semantic root and system, private /tmp, "
      + "own PID namespace, no capabilities, no new privileges";
  /** Where the semantic root appears inside, and the commands' working directory. */
  static final String SEMANTIC_DIR = "/semantic";
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
  private static final List<String> TOP_LEVEL = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");
  private static final List<String> ETC = List.of("/etc/alternatives", "/etc/passwd", "/etc/group",
      "/etc/nsswitch.conf", "/etc/ld.so.cache", "/etc/localtime");
  private static final Map<String, String> SETENV = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", "/tmp",
      "LANG", "C.UTF-8", "TMPDIR", "/tmp");

  private final List<String> prefix;
  private final boolean userNamespace;

  private BubblewrapBackend(List<String> prefix, boolean userNamespace) {
    this.prefix = List.copyOf(prefix);
    this.userNamespace = userNamespace;
  }

  /**
   * A backend over {@code semanticRoot}, after checking that bwrap runs a trivial command in it.
   *
   * @param bwrap the executable: a path, or a name looked up on the host's {@code PATH}
   * @throws IllegalStateException when bwrap is missing or cannot create its namespaces here
   */
  static BubblewrapBackend create(String bwrap, Path semanticRoot) throws IOException, InterruptedException {
    Path executable = locate(bwrap);
    if (executable == null) {
      throw new IllegalStateException("bwrap not found (" + bwrap + "); install bubblewrap (Debian: apt-get install "
          + "bubblewrap)");
    }
    ExploreLimits probeLimits = new ExploreLimits(64 * 1024, PROBE_TIMEOUT);
    BubblewrapBackend withUser = new BubblewrapBackend(argv(executable, semanticRoot, true), true);
    ProcessOutput first = withUser.exec("true", probeLimits);
    if (first.exitCode() == 0) {
      return withUser;
    }
    BubblewrapBackend withoutUser = new BubblewrapBackend(argv(executable, semanticRoot, false), false);
    ProcessOutput second = withoutUser.exec("true", probeLimits);
    if (second.exitCode() == 0) {
      return withoutUser;
    }
    throw new IllegalStateException("bwrap cannot create its sandbox here (exit " + second.exitCode() + "): "
        + firstLine(second.stderr()) + (first.stderr().isBlank() ? "" : "; with a user namespace: "
        + firstLine(first.stderr())));
  }

  /** Whether commands run as {@code nobody} in a user namespace (else as root without capabilities). */
  boolean userNamespace() {
    return userNamespace;
  }

  @Override
  public ProcessOutput exec(String command, ExploreLimits limits) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(prefix);
    argv.add("/bin/sh");
    argv.add("-c");
    argv.add(command);
    return ProcessRunner.run(argv, null, Map.of(), limits);
  }

  @Override
  public void close() {}

  private static List<String> argv(Path bwrap, Path semanticRoot, boolean userNamespace) {
    List<String> a = new ArrayList<>(List.of(bwrap.toString(), "--die-with-parent", "--new-session",
        "--unshare-all"));
    if (userNamespace) {
      a.addAll(List.of("--unshare-user", "--uid", "65534", "--gid", "65534"));
    }
    a.addAll(List.of("--cap-drop", "ALL", "--clearenv"));
    SETENV.forEach((k, v) -> a.addAll(List.of("--setenv", k, v)));
    a.addAll(List.of("--ro-bind", "/usr", "/usr"));
    for (String dir : TOP_LEVEL) {
      Path p = Path.of(dir);
      if (Files.isSymbolicLink(p)) {
        try {
          a.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), dir));
        } catch (IOException e) {
          // unreadable link: leave it out, as a missing directory is
        }
      } else if (Files.isDirectory(p)) {
        a.addAll(List.of("--ro-bind", dir, dir));
      }
    }
    for (String file : ETC) {
      a.addAll(List.of("--ro-bind-try", file, file));
    }
    a.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
    a.addAll(List.of("--ro-bind", semanticRoot.toAbsolutePath().toString(), SEMANTIC_DIR, "--chdir", SEMANTIC_DIR));
    a.addAll(List.of("--remount-ro", "/"));
    return a;
  }

  private static Path locate(String bwrap) {
    if (bwrap.contains("/")) {
      Path p = Path.of(bwrap);
      return Files.isExecutable(p) ? p : null;
    }
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "/usr/bin:/bin" : path).split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, bwrap);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.isEmpty() ? "(no message)" : line;
  }
}
