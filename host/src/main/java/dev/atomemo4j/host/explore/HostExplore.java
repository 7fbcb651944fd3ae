package dev.atomemo4j.host.explore;

import dev.atomemo4j.core.lifecycle.PluginInstance;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Explore goes through the host (atlas-design.md): {@code host.explore(command)} validates the command (see
 * {@link ExploreCommands}), runs the {@code beforeExplore} hooks (every rewrite validated again), takes the chosen
 * backend ({@link BackendSelection}: by priority, policy, first successful {@code create}, lazily, cached), runs the
 * command under the {@link ExploreLimits}, and, once it ran, the {@code afterExplore} hooks. A command that ran is a
 * result whatever its exit code, also when a limit cut it (flags on the result); one that did not run is an
 * {@link ExploreException} with its code.
 */
public final class HostExplore implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("atomemo4j.host.explore");

  private final ExploreSettings settings;
  private final BackendSelection selection;
  private final ExploreHooks hooks;

  /**
   * @param plugins the host's plugins in registration order; those with a {@code @Sandbox} are candidates
   */
  public HostExplore(List<PluginInstance> plugins, ExploreSettings settings, ExploreHooks hooks) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.hooks = Objects.requireNonNull(hooks, "hooks");
    this.selection = new BackendSelection(plugins, settings);
  }

  public ExploreSettings settings() {
    return settings;
  }

  /**
   * Runs one explore command.
   *
   * @throws ExploreException {@code explore:invalid_command}, {@code explore:rejected}, {@code explore:no_backend},
   *     {@code explore:exec_failed}, {@code explore:no_semantic_root}, {@code explore:closed}
   */
  public ExploreResult explore(String command) {
    ExploreCommands.require(command, "the command");
    String toRun = hooks.beforeExplore(command, rewrite -> ExploreCommands.require(rewrite, "a beforeExplore "
        + "rewrite"));
    // The hooks validate each rewrite; this guards against a hooks implementation that skipped it.
    ExploreCommands.require(toRun, "the rewritten command");
    BackendSelection.Chosen chosen = selection.current();
    String backend = chosen.candidate().name();
    ProcessOutput out;
    try {
      out = chosen.backend().exec(toRun, settings.limits());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExploreException(ExploreException.EXEC_FAILED, "interrupted while " + backend + " ran the command");
    } catch (Exception e) {
      log.warn("explore backend {} failed to run a command: {}", backend, e.toString());
      throw new ExploreException(ExploreException.EXEC_FAILED, "the explore backend " + backend + " failed: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
    ExploreResult result = new ExploreResult(backend, toRun, out.stdout(), out.stderr(), out.exitCode(),
        out.timedOut(), out.truncated());
    if (result.timedOut() || result.truncated()) {
      log.info("explore command on {} was cut: {}", backend, result.timedOut() ? "time limit of "
          + settings.limits().timeout().toMillis() + " ms" : "output limit of " + settings.limits().maxOutputBytes()
          + " bytes");
    }
    try {
      hooks.afterExplore(toRun, result);
    } catch (RuntimeException e) {
      // The hooks implementation already swallows each hook's failure; an after-hook never undoes a result.
      log.warn("afterExplore hooks failed: {}", e.toString());
    }
    return result;
  }

  /** The backend explores run on, if one was chosen yet (selection is lazy: the first explore chooses). */
  public Optional<String> chosenBackend() {
    BackendSelection.Chosen c = selection.peek();
    return c == null ? Optional.empty() : Optional.of(c.candidate().name());
  }

  /** What the last selection considered, in order; empty before the first explore. */
  public List<BackendAttempt> lastSelection() {
    BackendSelection.Chosen c = selection.peek();
    return c == null ? List.of() : c.attempts();
  }

  /** Closes the backend in use. */
  @Override
  public void close() {
    selection.close();
  }
}
