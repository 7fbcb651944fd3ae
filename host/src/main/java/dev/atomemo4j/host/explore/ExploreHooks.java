package dev.atomemo4j.host.explore;

import java.util.function.UnaryOperator;

/**
 * Where {@link HostExplore} calls the plugins' explore hooks (atlas-features.md §7): {@code beforeExplore} may
 * rewrite the command or reject it, {@code afterExplore} observes a command that ran.
 */
public interface ExploreHooks {
  /** No hooks: the command runs as given. */
  ExploreHooks NONE = new ExploreHooks() {
    @Override
    public String beforeExplore(String command, UnaryOperator<String> revalidate) {
      return command;
    }

    @Override
    public void afterExplore(String command, ExploreResult result) {}
  };

  /**
   * The command to run after every hook in turn; each hook sees the previous one's rewrite.
   *
   * @param revalidate the explore validation, to apply to every rewrite before the next hook sees it: returns the
   *     command or throws {@code explore:invalid_command}
   * @throws ExploreException {@code explore:rejected} when a hook throws (or times out), {@code
   *     explore:invalid_command} when a rewrite fails the validation
   */
  String beforeExplore(String command, UnaryOperator<String> revalidate);

  /** After a command ran (whatever its exit code); failures are the hooks' own, logged and swallowed. */
  void afterExplore(String command, ExploreResult result);
}
