package dev.atomemo4j.core.routes;

import dev.atomemo4j.core.lifecycle.CallKind;
import dev.atomemo4j.core.lifecycle.CallOutcome;
import dev.atomemo4j.core.lifecycle.ConfigSecrets;
import dev.atomemo4j.core.lifecycle.DeadlineCalls;
import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.core.lifecycle.Ticker;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.runtime.spi.RoutesBinding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interaction plugins' routes, registered when the host wires them (atlas-features.md §5.3 step 9: after
 * initialize and the context). Each healthy plugin with a {@code @Routes} method is called once, under its routes
 * deadline, with a checking router. A method that throws or times out ({@value #ROUTES_FAILED}), or registrations
 * that do not hold ({@value #BAD_ROUTES}: a bad path or method, the same method and path twice), fail the plugin's
 * wiring: it becomes unhealthy for good, with every problem in the reason, and none of its routes is served.
 * Front-end neutral: the HTTP server asks {@link #of} per request.
 */
public final class PluginRoutes {
  private static final Logger log = LoggerFactory.getLogger("atomemo4j.host.routes");

  /** The registrations of a {@code @Routes} method do not hold. */
  public static final String BAD_ROUTES = "host:bad_routes";
  /** The {@code @Routes} method threw or passed its deadline. */
  public static final String ROUTES_FAILED = "host:routes_failed";

  /** No plugin has routes. */
  public static final PluginRoutes NONE = new PluginRoutes(Map.of());

  private final Map<String, RouteTable> tables;

  private PluginRoutes(Map<String, RouteTable> tables) {
    this.tables = Collections.unmodifiableMap(tables);
  }

  /**
   * Calls the {@code @Routes} method of every healthy plugin that has one, in registration order. Plugins that are
   * not healthy after initialize (or were never created) are skipped: they serve no routes.
   */
  public static PluginRoutes wire(List<PluginInstance> plugins, Ticker ticker) {
    Map<String, RouteTable> tables = new LinkedHashMap<>();
    DeadlineCalls calls = null;
    try {
      for (PluginInstance plugin : plugins) {
        RoutesBinding binding = plugin.descriptor().atlas().routes();
        Object target = plugin.pluginObject();
        if (binding == null || target == null || plugin.status() != PluginStatus.HEALTHY) {
          continue;
        }
        if (calls == null) {
          calls = new DeadlineCalls(ticker);
        }
        RouteTable table = wireOne(plugin, binding, target, calls);
        if (table != null) {
          tables.put(plugin.id(), table);
        }
      }
    } finally {
      if (calls != null) {
        calls.close();
      }
    }
    return tables.isEmpty() ? NONE : new PluginRoutes(tables);
  }

  private static RouteTable wireOne(PluginInstance plugin, RoutesBinding binding, Object target,
      DeadlineCalls calls) {
    RouteTable.Builder router = RouteTable.builder();
    CallOutcome<Void> outcome = calls.run(plugin.id(), CallKind.ROUTES, plugin.routesDeadline(),
        () -> binding.mount().routes(target, router)).join();
    if (!outcome.ok()) {
      router.close();
      fail(plugin, ROUTES_FAILED, "@Routes method " + binding.method() + " failed: " + outcome.problem());
      return null;
    }
    List<String> problems = router.problems();
    if (!problems.isEmpty()) {
      router.close();
      fail(plugin, BAD_ROUTES, String.join("; ", problems));
      return null;
    }
    RouteTable table = router.build();
    log.info("plugin {} serves {} route(s) under /plugins/{}/: {}", plugin.id(), table.describe().size(),
        plugin.id(), table.describe());
    return table;
  }

  private static void fail(PluginInstance plugin, String code, String problem) {
    String reason = "routes failed to wire [" + code + "]: " + ConfigSecrets.clean(problem,
        ConfigSecrets.of(plugin));
    log.error("plugin {} {}", plugin.id(), reason);
    plugin.failWiring(reason);
  }

  /** The routes of a plugin, when it has a {@code @Routes} method that wired. */
  public Optional<RouteTable> of(String pluginId) {
    return Optional.ofNullable(tables.get(pluginId));
  }

  /** The plugins whose routes wired, in registration order. */
  public Set<String> pluginIds() {
    return tables.keySet();
  }
}
