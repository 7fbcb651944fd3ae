package dev.atomemo4j.core.lifecycle;

import dev.atomemo4j.runtime.PluginContext;
import dev.atomemo4j.runtime.storage.PluginDatabase;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PluginContext} a hosted plugin receives: its id, its own validated config, a logger named
 * {@code atomemo4j.plugin.<id>}, and the resources it wants closed after its teardown. Reaches nothing of another
 * plugin or of the host.
 */
final class PluginInstanceContext implements PluginContext {
  private static final Logger hostLog = LoggerFactory.getLogger("atomemo4j.host");

  private final String pluginId;
  private final Object config;
  private final Class<?> configType;
  private final Logger logger;
  private final DeadlineCalls calls;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private boolean closed;
  private volatile PluginDatabase db;

  PluginInstanceContext(String pluginId, Object config, Class<?> configType, DeadlineCalls calls) {
    this.pluginId = pluginId;
    this.config = config;
    this.configType = configType;
    this.logger = LoggerFactory.getLogger("atomemo4j.plugin." + pluginId);
    this.calls = calls;
  }

  @Override
  public String pluginId() {
    return pluginId;
  }

  @Override
  public Logger logger() {
    return logger;
  }

  @Override
  public <C> C config(Class<C> type) {
    if (config == null) {
      throw new IllegalStateException("plugin `" + pluginId + "` declares no config (@Plugin(config) is not set)");
    }
    if (!type.isInstance(config)) {
      throw new ClassCastException("plugin `" + pluginId + "` has a config of type " + configType.getName()
          + ", not " + type.getName());
    }
    return type.cast(config);
  }

  @Override
  public PluginDatabase db() {
    PluginDatabase handle = db;
    if (handle == null) {
      throw new IllegalStateException("plugin `" + pluginId + "` has no tables in this host: list them in "
          + "@Plugin(tables), and give the host a storage database");
    }
    return handle;
  }

  /** Set by the host after the plugin's tables were migrated, before its initialize. */
  void db(PluginDatabase handle) {
    db = handle;
  }

  @Override
  public void closeOnTeardown(AutoCloseable resource) {
    if (resource == null) {
      throw new NullPointerException("resource");
    }
    synchronized (this) {
      if (!closed) {
        resources.push(resource);
        return;
      }
    }
    // Registered after teardown (a late background task): there is no later moment to close it.
    hostLog.warn("plugin {} registered a resource after its teardown; closing it now", pluginId);
    closeOne(resource, CallKind.TEARDOWN.defaultDeadline());
  }

  /**
   * Closes every registered resource, last registered first, each under {@code deadline}; returns the problems
   * (already logged). Later registrations are closed at once.
   */
  List<String> closeResources(Duration deadline) {
    List<AutoCloseable> toClose = new ArrayList<>();
    synchronized (this) {
      closed = true;
      while (!resources.isEmpty()) {
        toClose.add(resources.pop());
      }
    }
    List<String> problems = new ArrayList<>();
    for (AutoCloseable resource : toClose) {
      String problem = closeOne(resource, deadline);
      if (problem != null) {
        problems.add(problem);
      }
    }
    return problems;
  }

  /** Closes one resource under its deadline; returns the problem (logged), or null. */
  private String closeOne(AutoCloseable resource, Duration deadline) {
    CallOutcome<Void> outcome = calls.run(pluginId, CallKind.TEARDOWN, deadline, resource::close).join();
    if (outcome.ok()) {
      return null;
    }
    String problem = "closing " + resource.getClass().getName() + " failed: " + outcome.problem();
    hostLog.error("plugin {}: {}", pluginId, problem);
    return problem;
  }
}
