package dev.atomemo4j.testing;

import dev.atomemo4j.core.lifecycle.EnabledChange;
import dev.atomemo4j.core.lifecycle.LifecycleListener;
import dev.atomemo4j.core.lifecycle.PluginHealth;
import dev.atomemo4j.core.lifecycle.StatusTransition;
import dev.atomemo4j.core.lifecycle.TeardownResult;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.PluginStatus;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything a test's host reported, in the order it happened: status transitions, enabled changes, probe results
 * and teardown results. Inject it as a test-method or constructor parameter next to {@link PluginHost}. The host
 * delivers events on its own thread; every reader here first waits until the events so far were delivered, so a
 * test may read right after calling the host.
 *
 * <pre>{@code
 * host.refresh("company-glossary");
 * assertThat(events.statuses("company-glossary")).containsExactly(REGISTERED, INITIALIZING, HEALTHY);
 * }</pre>
 */
public final class HostEvents {
  private final List<Object> events = new CopyOnWriteArrayList<>();
  private final PrintStream echo;
  private volatile PluginHost host;

  HostEvents(PrintStream echo) {
    this.echo = echo;
  }

  /** The listener the kit registers on the host. */
  LifecycleListener listener() {
    return new LifecycleListener() {
      @Override
      public void onTransition(StatusTransition transition) {
        add(transition);
      }

      @Override
      public void onEnabledChanged(EnabledChange change) {
        add(change);
      }

      @Override
      public void onHealthChecked(PluginHealth health) {
        add(health);
      }

      @Override
      public void onTeardown(TeardownResult result) {
        add(result);
      }
    };
  }

  void attach(PluginHost started) {
    host = started;
  }

  private void add(Object event) {
    events.add(event);
    if (echo != null) {
      echo.println("[atomemo4j host] " + describe(event));
    }
  }

  /** Every event so far, in order: {@link StatusTransition}, {@link EnabledChange}, {@link PluginHealth}, {@link TeardownResult}. */
  public List<Object> all() {
    flush();
    return List.copyOf(events);
  }

  /** Every status transition, registrations included. */
  public List<StatusTransition> transitions() {
    return only(StatusTransition.class, null);
  }

  /** One plugin's status transitions. */
  public List<StatusTransition> transitions(String pluginId) {
    return only(StatusTransition.class, pluginId);
  }

  /** The statuses one plugin went through, in order, starting with {@code registered}. */
  public List<PluginStatus> statuses(String pluginId) {
    return transitions(pluginId).stream().map(StatusTransition::to).toList();
  }

  /** One plugin's probe results (through the host: health loop, {@code probe}, {@code health()}). */
  public List<PluginHealth> healthChecks(String pluginId) {
    return only(PluginHealth.class, pluginId);
  }

  /** One plugin's enable/disable changes. */
  public List<EnabledChange> enabledChanges(String pluginId) {
    return only(EnabledChange.class, pluginId);
  }

  /** The teardown results, in teardown order (last registered first); empty until the host is closed. */
  public List<TeardownResult> teardowns() {
    return only(TeardownResult.class, null);
  }

  /** One plugin's teardown result, once the host is closed. */
  public Optional<TeardownResult> teardown(String pluginId) {
    return only(TeardownResult.class, pluginId).stream().findFirst();
  }

  /** The events as lines, for failure messages. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (Object event : all()) {
      out.append("\n    ").append(describe(event));
    }
    return out.length() == 0 ? "\n    (none)" : out.toString();
  }

  private <T> List<T> only(Class<T> type, String pluginId) {
    List<T> out = new ArrayList<>();
    for (Object event : all()) {
      if (type.isInstance(event) && (pluginId == null || pluginId.equals(pluginOf(event)))) {
        out.add(type.cast(event));
      }
    }
    return out;
  }

  private void flush() {
    PluginHost h = host;
    if (h != null) {
      // After close the host's event thread has delivered everything and stopped; flushing is then a no-op.
      h.flushEvents();
    }
  }

  private static String pluginOf(Object event) {
    if (event instanceof StatusTransition t) {
      return t.pluginId();
    } else if (event instanceof EnabledChange c) {
      return c.pluginId();
    } else if (event instanceof PluginHealth h) {
      return h.pluginId();
    } else if (event instanceof TeardownResult r) {
      return r.pluginId();
    }
    return null;
  }

  private static String describe(Object event) {
    if (event instanceof PluginHealth h) {
      return h.pluginId() + ": " + (h.healthy() ? "healthy" : "unhealthy") + (h.message() == null ? ""
          : " (" + h.message() + ")") + (h.probed() ? ", probed in " + h.latency().toMillis() + " ms" : "");
    } else if (event instanceof EnabledChange c) {
      return c.pluginId() + ": " + (c.enabled() ? "enabled" : "disabled");
    }
    return event.toString();
  }
}
