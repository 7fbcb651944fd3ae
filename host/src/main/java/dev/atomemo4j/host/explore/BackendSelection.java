package dev.atomemo4j.host.explore;

import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.runtime.sandbox.ExploreBackend;
import dev.atomemo4j.runtime.spi.SandboxBinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the explore backend (atlas-features.md §11, with §16 row 12): the candidates are the enabled, healthy
 * sandbox plugins and the configured built-ins, in {@link BackendCandidate#ORDER}; those the policy refuses are
 * skipped; {@code create(semanticRoot)} is called in order and the first that succeeds wins; every other outcome is
 * recorded. The choice is made on the first explore (lazily) and kept until its plugin is no longer healthy and
 * enabled; then the backend is closed and the next explore chooses again.
 */
final class BackendSelection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("atomemo4j.host.explore");

  /** The backend in use and what was considered when it was chosen. */
  record Chosen(BackendCandidate candidate, RunningBackend backend, List<BackendAttempt> attempts) {}

  private final List<PluginInstance> plugins;
  private final ExploreSettings settings;
  private Chosen chosen;
  private boolean closed;

  BackendSelection(List<PluginInstance> plugins, ExploreSettings settings) {
    this.plugins = List.copyOf(plugins);
    this.settings = settings;
  }

  /**
   * The backend to run the next command on: the cached one while it stays usable, else a new choice.
   *
   * @throws ExploreException {@code explore:no_backend} (with every attempt), {@code explore:no_semantic_root},
   *     {@code explore:closed}
   */
  synchronized Chosen current() {
    if (closed) {
      throw new ExploreException(ExploreException.CLOSED, "the host is closed");
    }
    if (chosen != null) {
      String gone = chosen.candidate().unavailable();
      if (gone == null) {
        return chosen;
      }
      log.warn("explore backend {} is no longer usable ({}); choosing again", chosen.candidate().name(), gone);
      drop(chosen);
      chosen = null;
    }
    chosen = choose();
    return chosen;
  }

  /** The backend in use, if one was chosen; never chooses. */
  synchronized Chosen peek() {
    return chosen;
  }

  private Chosen choose() {
    Path root = settings.semanticRoot().toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new ExploreException(ExploreException.NO_SEMANTIC_ROOT, "the semantic root " + root
          + " is not a directory; set it in the host's explore settings");
    }
    List<BackendAttempt> attempts = new ArrayList<>();
    for (BackendCandidate c : candidates()) {
      String unavailable = c.unavailable();
      if (unavailable != null) {
        attempts.add(new BackendAttempt(c.name(), c.priority(), BackendAttempt.Outcome.UNAVAILABLE, unavailable));
        continue;
      }
      List<String> missing = settings.policy().missing(c.capabilities());
      if (!missing.isEmpty()) {
        attempts.add(new BackendAttempt(c.name(), c.priority(), BackendAttempt.Outcome.REFUSED,
            "the security policy requires " + String.join(", ", missing) + ", which it does not declare"));
        continue;
      }
      RunningBackend backend;
      try {
        backend = c.opener().open(root);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ExploreException(ExploreException.CLOSED, "interrupted while creating the explore backend");
      } catch (Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
        log.warn("explore backend {} could not be created: {}", c.name(), why);
        attempts.add(new BackendAttempt(c.name(), c.priority(), BackendAttempt.Outcome.FAILED, why));
        continue;
      }
      attempts.add(new BackendAttempt(c.name(), c.priority(), BackendAttempt.Outcome.CHOSEN, null));
      if (c.capabilities().insecure()) {
        log.warn("explore backend {} chosen: it isolates NOTHING (commands run as the host's user, with its network "
            + "and files); for development only. Require capabilities in the host's sandbox policy to refuse it",
            c.name());
      } else {
        log.info("explore backend {} chosen (priority {}, {}): {}", c.name(), c.priority(), c.capabilities(),
            c.description());
      }
      return new Chosen(c, backend, attempts);
    }
    StringBuilder why = new StringBuilder("no explore backend could be used");
    for (BackendAttempt a : attempts) {
      why.append("; ").append(a);
    }
    if (attempts.isEmpty()) {
      why.append(": no sandbox plugin is hosted and no built-in backend is enabled");
    }
    throw new ExploreException(ExploreException.NO_BACKEND, why.toString(), attempts);
  }

  /** Every candidate, plugins and built-ins, in the documented order. */
  List<BackendCandidate> candidates() {
    List<BackendCandidate> out = new ArrayList<>();
    for (int i = 0; i < plugins.size(); i++) {
      PluginInstance p = plugins.get(i);
      SandboxBinding s = p.descriptor().atlas().sandbox();
      if (s != null) {
        out.add(new BackendCandidate(p.id(), s.priority(), s.capabilities(), s.description(), p, i,
            root -> openPlugin(p, s, root)));
      }
    }
    int order = 0;
    for (ExploreSettings.BuiltIn b : ExploreSettings.BuiltIn.values()) {
      if (!settings.builtIns().contains(b)) {
        continue;
      }
      out.add(switch (b) {
        case BUBBLEWRAP -> new BackendCandidate(BubblewrapBackend.NAME, BubblewrapBackend.PRIORITY,
            BubblewrapBackend.CAPABILITIES, BubblewrapBackend.DESCRIPTION, null, order++,
            root -> BubblewrapBackend.create(settings.bwrap(), root));
        case PLAIN_PROCESS -> new BackendCandidate(PlainProcessBackend.NAME, PlainProcessBackend.PRIORITY,
            PlainProcessBackend.CAPABILITIES, PlainProcessBackend.DESCRIPTION, null, order++,
            PlainProcessBackend::create);
      });
    }
    out.sort(BackendCandidate.ORDER);
    return out;
  }

  /** The plugin's {@code create(semanticRoot)} on its own thread, under the create deadline. */
  private RunningBackend openPlugin(PluginInstance p, SandboxBinding s, Path root) throws Exception {
    Object target = p.pluginObject();
    CompletableFuture<ExploreBackend> created = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        created.complete(s.factory().create(target, root));
      } catch (Throwable t) {
        created.completeExceptionally(t);
      }
    }, "atomemo4j-" + p.id() + "-sandbox-create");
    thread.setDaemon(true);
    thread.start();
    Duration deadline = settings.createTimeout();
    ExploreBackend backend;
    try {
      backend = created.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      thread.interrupt();
      // A create that finishes after its deadline is not used; what it made is closed.
      created.thenAccept(late -> closeQuietly(p.id(), late));
      throw new IllegalStateException(s.method() + " timed out after " + deadline.toMillis() + " ms");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
    }
    if (backend == null) {
      throw new IllegalStateException(s.method() + " returned no backend");
    }
    return new PluginBackend(p.id(), backend);
  }

  private static void closeQuietly(String name, ExploreBackend backend) {
    try {
      if (backend != null) {
        backend.close();
      }
    } catch (Exception e) {
      log.warn("closing explore backend {} failed: {}", name, e.toString());
    }
  }

  private static void drop(Chosen c) {
    try {
      c.backend().close();
    } catch (Exception e) {
      log.warn("closing explore backend {} failed: {}", c.candidate().name(), e.toString());
    }
  }

  /** Closes the backend in use; later explores fail with {@code explore:closed}. */
  @Override
  public synchronized void close() {
    closed = true;
    if (chosen != null) {
      drop(chosen);
      chosen = null;
    }
  }
}
