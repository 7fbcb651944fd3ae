package dev.atomemo4j.core.lifecycle;

import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.runtime.spi.AtlasBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hosted plugin: its descriptor, its validated config, the plugin object, its status and its enabled flag. Every
 * call into the plugin goes through {@link DeadlineCalls}: under a deadline, on its own thread, latency measured,
 * exceptions and timeouts turned into results. Thread-safe; status changes are published to the listeners in
 * order.
 *
 * <p>Status machine (atlas-features.md §5.1): {@code registered → initializing → healthy | unhealthy}, probes move
 * between {@code healthy} and {@code unhealthy}, and {@code teardown} is final.
 */
public final class PluginInstance {
  private static final Logger log = LoggerFactory.getLogger("atomemo4j.host");

  private final PluginSpec spec;
  private final AtlasBinding atlas;
  private final Object config;
  private final Deadlines deadlines;
  private final DeadlineCalls calls;
  private final LifecycleEvents events;
  private final Clock clock;
  private final PluginInstanceContext context;

  private volatile Object plugin;
  private volatile String contextText = "";
  private PluginStatus status;
  private boolean enabled;
  private PluginHealth lastHealth;
  private CompletableFuture<PluginHealth> probing;
  private Object probingToken;

  PluginInstance(ValidatedPlugin validated, Deadlines deadlines, DeadlineCalls calls, LifecycleEvents events,
      Clock clock) {
    this.spec = validated.spec();
    this.atlas = spec.descriptor().atlas();
    this.config = validated.config();
    this.deadlines = deadlines;
    this.calls = calls;
    this.events = events;
    this.clock = clock;
    this.enabled = spec.enabled();
    this.context = new PluginInstanceContext(id(), config, atlas.config() == null ? null : atlas.config().type(),
        calls);
    synchronized (this) {
      this.status = PluginStatus.REGISTERED;
      publish(null, PluginStatus.REGISTERED, enabled ? "registered" : "registered (disabled)");
    }
  }

  // ---- what it is ------------------------------------------------------------------------------------------------

  /**
   * The plugin object, once created (null before initialization, or when creating it failed). For front ends that
   * run the plugin's actions through the approval stage; never handed to other plugins.
   */
  public Object pluginObject() {
    return plugin;
  }

  public String id() {
    return spec.id();
  }

  public PluginDescriptor descriptor() {
    return spec.descriptor();
  }

  public Set<PluginType> types() {
    return atlas.types();
  }

  /** Whether a failed initialization stops the host ({@code @Plugin(required = true)}). */
  public boolean required() {
    return atlas.required();
  }

  /** The validated config record, or null; never shown as is (secret components). */
  public Object config() {
    return config;
  }

  public synchronized PluginStatus status() {
    return status;
  }

  public synchronized boolean enabled() {
    return enabled;
  }

  /** The last probe's result; empty before the first. */
  public synchronized Optional<PluginHealth> lastHealth() {
    return Optional.ofNullable(lastHealth);
  }

  /** What the plugin's {@code @ContextProvider} last returned; empty when it has none or it never loaded. */
  public String contextText() {
    return contextText;
  }

  /** Whether it has a {@code @ContextProvider}. */
  public boolean providesContext() {
    return atlas.contextLoad() != null;
  }

  /** The deadline its calls of a kind run under. */
  public Duration deadline(CallKind kind) {
    AtlasBinding.LifecycleMethod<?> method = method(kind);
    return deadlines.resolve(kind, spec.timeouts().get(kind), method == null ? null : method.timeout());
  }

  /**
   * The deadline of one of its hook calls: the operator's per-plugin hook deadline, else {@code declared} (the
   * hook's {@code timeoutMs}, null for none), else the host's hook default; capped at the host maximum.
   */
  public Duration hookDeadline(Duration declared) {
    return deadlines.resolve(CallKind.HOOK, spec.timeouts().get(CallKind.HOOK), declared);
  }

  /**
   * The context the plugin received at {@code @Initialize}. For host calls into the plugin that hand it over again
   * (hooks); never handed to another plugin.
   */
  public dev.atomemo4j.runtime.PluginContext pluginContext() {
    return context;
  }

  /** The plugin manifest the processor generated, when the descriptor names one on the classpath. */
  public Optional<String> manifestJson() {
    String resource = atlas.manifestResource();
    if (resource == null) {
      return Optional.empty();
    }
    ClassLoader loader = descriptor().anchor().getClassLoader();
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      log.warn("cannot read the manifest {} of plugin {}: {}", resource, id(), e.toString());
      return Optional.empty();
    }
  }

  private AtlasBinding.LifecycleMethod<?> method(CallKind kind) {
    switch (kind) {
      case INITIALIZE:
        return atlas.initialize();
      case HEALTH_CHECK:
        return atlas.healthCheck();
      case TEARDOWN:
        return atlas.teardown();
      case ON_UNINSTALL:
        return atlas.onUninstall();
      case CONTEXT_LOAD:
        return atlas.contextLoad();
      case REFRESH:
        return atlas.refresh();
      case HOOK:
        // Each hook method has its own declared deadline: see hookDeadline.
        return null;
      default:
        throw new IllegalArgumentException(kind.toString());
    }
  }

  // ---- lifecycle -------------------------------------------------------------------------------------------------

  /**
   * Creates the plugin object and calls its {@code @Initialize}, together under the initialize deadline. Success:
   * {@code healthy}; failure or timeout: {@code unhealthy} and the resources it registered are closed. Once only.
   */
  CallOutcome<Void> initialize() {
    synchronized (this) {
      if (status == PluginStatus.TEARDOWN) {
        // Torn down before its turn (a shutdown during boot): never created, nothing to undo.
        return CallOutcome.failed(new LifecycleException(LifecycleException.CLOSED, "plugin `" + id()
            + "` was torn down before it was initialized"), Duration.ZERO, deadline(CallKind.INITIALIZE));
      }
      if (status != PluginStatus.REGISTERED) {
        throw new IllegalStateException("plugin `" + id() + "` was already initialized (status "
            + status.wireName() + ")");
      }
      transition(PluginStatus.INITIALIZING, "initializing");
    }
    AtlasBinding.LifecycleMethod<AtlasBinding.Initializer> init = atlas.initialize();
    CallOutcome<Void> outcome = calls.run(id(), CallKind.INITIALIZE, deadline(CallKind.INITIALIZE), () -> {
      Object created = atlas.factory().create(config);
      plugin = created;
      if (init != null) {
        init.call().initialize(created, context);
      }
    }).join();
    if (outcome.ok()) {
      transitionFrom(PluginStatus.INITIALIZING, PluginStatus.HEALTHY,
          init == null ? "created (no @Initialize)" : "initialized");
    } else {
      String reason = "initialize failed: " + outcome.problem();
      log.warn("plugin {} {}", id(), reason, outcome.failure());
      transitionFrom(PluginStatus.INITIALIZING, PluginStatus.UNHEALTHY, reason);
      context.closeResources(deadline(CallKind.TEARDOWN));
    }
    return outcome;
  }

  /**
   * Probes the plugin under its health deadline and moves it between {@code healthy} and {@code unhealthy}. A
   * plugin without {@code @HealthCheck}, or not in a probe-able status, is not called: its health is whether its
   * status is healthy. The future never fails.
   */
  CompletableFuture<PluginHealth> probe() {
    synchronized (this) {
      // One probe per plugin at a time: a hung probe is joined, not stacked, until its deadline ends it. Starting
      // never blocks (the call runs on its own thread), so holding the lock here is brief.
      if (probing != null && !probing.isDone()) {
        return probing.copy();
      }
      Object token = new Object();
      probingToken = token;
      // The slot is freed before the result is handed out, so a probe asked for after a result was seen is new.
      CompletableFuture<PluginHealth> started = startProbe().whenComplete((health, never) -> {
        synchronized (this) {
          if (probingToken == token) {
            probing = null;
            probingToken = null;
          }
        }
      });
      probing = started.isDone() ? null : started;
      return started.copy();
    }
  }

  private CompletableFuture<PluginHealth> startProbe() {
    AtlasBinding.LifecycleMethod<AtlasBinding.Probe> check = atlas.healthCheck();
    PluginStatus now = status();
    Object target = plugin;
    boolean probeable = now == PluginStatus.HEALTHY || now == PluginStatus.UNHEALTHY;
    if (check == null || target == null || !probeable) {
      boolean healthy = now == PluginStatus.HEALTHY;
      String message = healthy ? null : "status " + now.wireName();
      PluginHealth derived = new PluginHealth(id(), healthy, message, Duration.ZERO, clock.instant(), false);
      record(derived, false);
      return CompletableFuture.completedFuture(derived);
    }
    return calls.call(id(), CallKind.HEALTH_CHECK, deadline(CallKind.HEALTH_CHECK), () -> check.call().check(target))
        .thenApply(outcome -> {
          boolean healthy;
          String message;
          if (!outcome.ok()) {
            healthy = false;
            message = outcome.problem();
          } else if (outcome.value() == null) {
            healthy = false;
            message = "the health check returned null";
          } else {
            HealthResult result = outcome.value();
            healthy = result.healthy();
            message = result.message().orElse(null);
          }
          PluginHealth health = new PluginHealth(id(), healthy, message, outcome.latency(), clock.instant(), true);
          record(health, true);
          return health;
        });
  }

  private void record(PluginHealth health, boolean probed) {
    synchronized (this) {
      lastHealth = health;
      if (probed && (status == PluginStatus.HEALTHY || status == PluginStatus.UNHEALTHY)) {
        String reason = health.message() != null ? health.message() : health.healthy() ? "probe healthy"
            : "probe unhealthy";
        transition(health.healthy() ? PluginStatus.HEALTHY : PluginStatus.UNHEALTHY, "health check: " + reason);
      }
    }
    events.healthChecked(health);
  }

  /** Calls the {@code @ContextProvider} under its deadline; on failure the previous text stays (logged). */
  LifecycleResult loadContext() {
    AtlasBinding.LifecycleMethod<AtlasBinding.ContextLoader> loader = atlas.contextLoad();
    if (loader == null) {
      return LifecycleResult.failed("plugin `" + id() + "` has no @ContextProvider");
    }
    Object target = plugin;
    if (target == null) {
      return LifecycleResult.failed("plugin `" + id() + "` was not created (status " + status().wireName() + ")");
    }
    CallOutcome<String> outcome = calls.call(id(), CallKind.CONTEXT_LOAD, deadline(CallKind.CONTEXT_LOAD),
        () -> loader.call().load(target)).join();
    if (!outcome.ok()) {
      String reason = "context load failed: " + outcome.problem();
      log.warn("plugin {} {}", id(), reason, outcome.failure());
      return LifecycleResult.failed(reason);
    }
    contextText = outcome.value() == null ? "" : outcome.value();
    return LifecycleResult.success();
  }

  /** Calls {@code @Refresh} (if any), then loads the context again (if any). Never throws. */
  LifecycleResult refresh() {
    AtlasBinding.LifecycleMethod<AtlasBinding.Call> refresh = atlas.refresh();
    PluginStatus now = status();
    if (now == PluginStatus.TEARDOWN) {
      return LifecycleResult.failed("plugin `" + id() + "` is torn down");
    }
    if (refresh == null && atlas.contextLoad() == null) {
      return LifecycleResult.failed("plugin `" + id() + "` declares neither @Refresh nor @ContextProvider");
    }
    Object target = plugin;
    if (target == null) {
      return LifecycleResult.failed("plugin `" + id() + "` was not created (status " + now.wireName() + ")");
    }
    if (refresh != null) {
      CallOutcome<Void> outcome = calls.run(id(), CallKind.REFRESH, deadline(CallKind.REFRESH),
          () -> refresh.call().call(target)).join();
      if (!outcome.ok()) {
        String reason = "refresh failed: " + outcome.problem();
        log.warn("plugin {} {}", id(), reason, outcome.failure());
        return LifecycleResult.failed(reason);
      }
    }
    if (atlas.contextLoad() != null) {
      return loadContext();
    }
    log.info("plugin {} refreshed", id());
    return LifecycleResult.success();
  }

  /** Calls {@code @OnUninstall(workspaceId)} under its deadline. Best-effort: never throws. */
  LifecycleResult onUninstall(String workspaceId) {
    AtlasBinding.LifecycleMethod<AtlasBinding.Uninstaller> uninstall = atlas.onUninstall();
    if (uninstall == null) {
      return LifecycleResult.success();
    }
    Object target = plugin;
    if (target == null || status() == PluginStatus.TEARDOWN) {
      return LifecycleResult.failed("plugin `" + id() + "` is not running (status " + status().wireName() + ")");
    }
    CallOutcome<Void> outcome = calls.run(id(), CallKind.ON_UNINSTALL, deadline(CallKind.ON_UNINSTALL),
        () -> uninstall.call().uninstall(target, workspaceId)).join();
    if (!outcome.ok()) {
      String reason = "onUninstall failed: " + outcome.problem();
      log.warn("plugin {} {}", id(), reason, outcome.failure());
      return LifecycleResult.failed(reason);
    }
    return LifecycleResult.success();
  }

  /**
   * Moves to {@code teardown}, calls {@code @Teardown} (when the plugin was created), then closes its registered
   * resources last-first; every call under the teardown deadline, cut further to {@code budget} (what is left of
   * the host's close deadline). Failures are logged and returned, never thrown.
   */
  LifecycleResult teardown(String reason, Duration budget) {
    synchronized (this) {
      if (status == PluginStatus.TEARDOWN) {
        return LifecycleResult.success();
      }
      transition(PluginStatus.TEARDOWN, reason);
    }
    Duration deadline = min(deadline(CallKind.TEARDOWN), budget);
    List<String> problems = new ArrayList<>();
    AtlasBinding.LifecycleMethod<AtlasBinding.Call> teardown = atlas.teardown();
    Object target = plugin;
    boolean called = teardown != null && target != null;
    if (called) {
      CallOutcome<Void> outcome = calls.run(id(), CallKind.TEARDOWN, deadline, () -> teardown.call().call(target))
          .join();
      if (!outcome.ok()) {
        String problem = "teardown failed: " + outcome.problem();
        log.error("plugin {} {}", id(), problem, outcome.failure());
        problems.add(problem);
      }
    }
    problems.addAll(context.closeResources(deadline));
    String problem = problems.isEmpty() ? null : String.join("; ", problems);
    events.tornDown(new TeardownResult(id(), called, problem, clock.instant()));
    return problem == null ? LifecycleResult.success() : LifecycleResult.failed(problem);
  }

  /** Marks the plugin torn down without calling it: the host's close deadline passed before its turn. */
  void abandon(String reason) {
    synchronized (this) {
      if (status == PluginStatus.TEARDOWN) {
        return;
      }
      transition(PluginStatus.TEARDOWN, reason);
    }
    log.error("plugin {} was not torn down: {}", id(), reason);
    events.tornDown(new TeardownResult(id(), false, "not torn down: " + reason, clock.instant()));
  }

  /**
   * Sets the enabled flag; returns whether it changed.
   *
   * @throws LifecycleException {@code host:in_teardown} once the plugin is being torn down
   */
  boolean setEnabled(boolean value) {
    synchronized (this) {
      if (status == PluginStatus.TEARDOWN) {
        throw new LifecycleException(LifecycleException.IN_TEARDOWN, "plugin `" + id()
            + "` is torn down; it cannot be " + (value ? "enabled" : "disabled"));
      }
      if (enabled == value) {
        return false;
      }
      enabled = value;
      EnabledChange change = new EnabledChange(id(), value, clock.instant());
      log.info("plugin {} {}", id(), value ? "enabled" : "disabled");
      events.enabledChanged(change);
      return true;
    }
  }

  // ---- status changes --------------------------------------------------------------------------------------------

  private synchronized void transitionFrom(PluginStatus expected, PluginStatus to, String reason) {
    if (status == expected) {
      transition(to, reason);
    }
  }

  /** Under the lock, so events of one plugin are published in the order its status changed. */
  private void transition(PluginStatus to, String reason) {
    PluginStatus from = status;
    if (from == to || from == PluginStatus.TEARDOWN) {
      return;
    }
    status = to;
    publish(from, to, reason);
  }

  private void publish(PluginStatus from, PluginStatus to, String reason) {
    StatusTransition transition = new StatusTransition(id(), from, to, reason, clock.instant());
    if (to == PluginStatus.UNHEALTHY) {
      log.warn("plugin {}", transition);
    } else {
      log.info("plugin {}", transition);
    }
    events.transition(transition);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
