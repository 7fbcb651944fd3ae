package dev.atomemo4j.core.lifecycle;

import dev.atomemo4j.core.hooks.HookDispatcher;
import dev.atomemo4j.runtime.PluginStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host's plugins, in registration order, and the operations over all of them (atlas-features.md §5): boot
 * (initialize in order, then wire the context), health rounds (every probe concurrently, each under its own
 * deadline), the joined context, enable/disable, refresh, uninstall, and teardown in reverse order under a global
 * deadline. Front-end neutral: the embedded {@code PluginHost}, the MCP server and the Hub socket share it.
 */
public final class HostedPlugins implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("atomemo4j.host");

  /** The default deadline of a whole {@link #teardownAll}. */
  public static final Duration DEFAULT_CLOSE_DEADLINE = Duration.ofSeconds(30);

  private final List<PluginInstance> instances;
  private final Map<String, PluginInstance> byId;
  private final DeadlineCalls calls;
  private final LifecycleEvents events;
  private final Clock clock;
  private final Duration closeDeadline;
  private final AtomicBoolean booted = new AtomicBoolean();
  private final AtomicBoolean tornDown = new AtomicBoolean();
  private final HookDispatcher hooks;

  /**
   * Registers the plugins (each publishes its {@code registered} transition).
   *
   * @param plugins validated by {@link ConfigValidator}, in registration order
   * @param listeners receive every event from registration on
   */
  public HostedPlugins(List<ValidatedPlugin> plugins, Deadlines deadlines, List<LifecycleListener> listeners,
      Ticker ticker, Clock clock, Duration closeDeadline) {
    Deadlines.requirePositive("close", closeDeadline);
    this.calls = new DeadlineCalls(ticker);
    this.events = new LifecycleEvents();
    listeners.forEach(events::add);
    this.clock = clock;
    this.closeDeadline = closeDeadline;
    List<PluginInstance> list = new ArrayList<>(plugins.size());
    Map<String, PluginInstance> map = new LinkedHashMap<>();
    for (ValidatedPlugin plugin : plugins) {
      if (map.containsKey(plugin.spec().id())) {
        // ConfigValidator already refuses this; a second guard costs nothing.
        throw new IllegalArgumentException("duplicate plugin id " + plugin.spec().id());
      }
      PluginInstance instance = new PluginInstance(plugin, deadlines, calls, events, clock);
      list.add(instance);
      map.put(instance.id(), instance);
    }
    this.instances = Collections.unmodifiableList(list);
    this.byId = Collections.unmodifiableMap(map);
    this.hooks = new HookDispatcher(instances, ticker);
  }

  /** The plugins' {@code @Hook}s, for the front end's query, explore and HTTP paths. */
  public HookDispatcher hooks() {
    return hooks;
  }

  /** Every plugin, in registration order. */
  public List<PluginInstance> all() {
    return instances;
  }

  /**
   * One plugin.
   *
   * @throws LifecycleException {@code host:unknown_plugin}
   */
  public PluginInstance get(String id) {
    PluginInstance instance = byId.get(id);
    if (instance == null) {
      throw LifecycleException.unknownPlugin(id, byId.keySet());
    }
    return instance;
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /**
   * Initializes every plugin in registration order, each under its deadline, then loads the context of the enabled,
   * healthy context plugins. A failed plugin is left unhealthy and boot goes on, unless it is
   * {@linkplain PluginInstance#required() required}: then what was started is torn down (reverse order) and
   * {@code host:required_plugin_failed} is thrown.
   */
  public void boot() {
    if (!booted.compareAndSet(false, true)) {
      throw new IllegalStateException("the plugins were already booted");
    }
    for (PluginInstance instance : instances) {
      if (tornDown.get()) {
        // A shutdown (SIGTERM) arrived during boot and tore down what was started: stop here.
        throw new LifecycleException(LifecycleException.CLOSED, "the host was closed while booting; `"
            + instance.id() + "` and the plugins after it were not initialized");
      }
      CallOutcome<Void> outcome = instance.initialize();
      if (!outcome.ok() && instance.required()) {
        String why = "required plugin `" + instance.id() + "` failed to initialize: " + outcome.problem();
        log.error("{}; tearing down what was started", why);
        teardownAll("boot failed: " + why);
        throw new LifecycleException(LifecycleException.REQUIRED_PLUGIN_FAILED, why
            + "; the host did not start (@Plugin(required = true))");
      }
    }
    for (PluginInstance instance : instances) {
      if (instance.providesContext() && instance.enabled() && instance.status() == PluginStatus.HEALTHY) {
        instance.loadContext();
      }
    }
  }

  /** Probes every plugin concurrently; completes when the last probe ends (each is cut at its deadline). */
  public CompletableFuture<HealthSnapshot> probeAll() {
    List<CompletableFuture<PluginHealth>> probes = new ArrayList<>(instances.size());
    for (PluginInstance instance : instances) {
      probes.add(instance.probe());
    }
    return CompletableFuture.allOf(probes.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
      List<HealthSnapshot.Entry> entries = new ArrayList<>(instances.size());
      for (int i = 0; i < instances.size(); i++) {
        PluginInstance instance = instances.get(i);
        entries.add(new HealthSnapshot.Entry(instance.id(), instance.status(), instance.enabled(),
            probes.get(i).join()));
      }
      return HealthSnapshot.of(clock.instant(), entries);
    });
  }

  /** Probes one plugin now. */
  public CompletableFuture<PluginHealth> probe(String id) {
    return get(id).probe();
  }

  /**
   * The context for the agent's system prompt: the enabled, healthy context plugins' texts in registration order,
   * blank ones skipped, separated by a blank line.
   */
  public String context() {
    List<String> parts = new ArrayList<>();
    for (PluginInstance instance : instances) {
      if (instance.providesContext() && instance.enabled() && instance.status() == PluginStatus.HEALTHY) {
        String text = instance.contextText();
        if (text != null && !text.isBlank()) {
          parts.add(text.strip());
        }
      }
    }
    return String.join("\n\n", parts);
  }

  /** Enables a plugin; returns whether the flag changed. */
  public boolean enable(String id) {
    boolean changed = get(id).setEnabled(true);
    PluginInstance instance = get(id);
    // A plugin disabled at boot never loaded its context: load it on first enable.
    if (changed && instance.providesContext() && instance.contextText().isEmpty()
        && instance.status() == PluginStatus.HEALTHY) {
      instance.loadContext();
    }
    return changed;
  }

  /**
   * Disables a plugin: it drops out of {@link #context()} and its hooks stop running; returns whether the flag
   * changed.
   */
  public boolean disable(String id) {
    return get(id).setEnabled(false);
  }

  /** {@code @Refresh}, then the context again; a result, never an exception (an unknown id included). */
  public LifecycleResult refresh(String id) {
    PluginInstance instance = byId.get(id);
    if (instance == null) {
      return LifecycleResult.failed("no plugin `" + id + "` in this host");
    }
    return instance.refresh();
  }

  /** {@code @OnUninstall(workspaceId)} of one plugin, under its deadline. */
  public LifecycleResult onUninstall(String id, String workspaceId) {
    PluginInstance instance = byId.get(id);
    if (instance == null) {
      return LifecycleResult.failed("no plugin `" + id + "` in this host");
    }
    return instance.onUninstall(workspaceId);
  }

  /**
   * Tears every plugin down in reverse registration order (LIFO), each under its own deadline, the whole under the
   * close deadline: a failing or hanging teardown is logged and the next one runs; plugins whose turn comes after
   * the close deadline are marked torn down without being called. Once only.
   */
  public void teardownAll(String reason) {
    if (!tornDown.compareAndSet(false, true)) {
      return;
    }
    long end = calls.ticker().nanos() + closeDeadline.toNanos();
    for (int i = instances.size() - 1; i >= 0; i--) {
      PluginInstance instance = instances.get(i);
      long left = end - calls.ticker().nanos();
      if (left <= 0) {
        instance.abandon("the host's close deadline of " + closeDeadline.toMillis() + " ms passed before its turn");
        continue;
      }
      LifecycleResult result = instance.teardown(reason, Duration.ofNanos(left));
      if (!result.ok()) {
        log.error("plugin {} teardown: {}; tearing down the next plugin", instance.id(), result.reason());
      }
    }
  }

  /** Whether {@link #teardownAll} ran. */
  public boolean tornDown() {
    return tornDown.get();
  }

  /** Waits until the events published so far reached the listeners. */
  public void flushEvents(Duration max) {
    events.flush(max);
  }

  /** Tears down (if not done) and stops the host's threads after delivering the last events. */
  @Override
  public void close() {
    teardownAll("host closing");
    hooks.close();
    events.close();
    calls.close();
  }
}
