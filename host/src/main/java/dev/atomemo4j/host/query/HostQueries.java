package dev.atomemo4j.host.query;

import dev.atomemo4j.core.hooks.HookDispatcher;
import dev.atomemo4j.core.hooks.HookRejectedException;
import dev.atomemo4j.core.lifecycle.CallKind;
import dev.atomemo4j.core.lifecycle.ConfigSecrets;
import dev.atomemo4j.core.lifecycle.HostedPlugins;
import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.core.lifecycle.PluginSpec;
import dev.atomemo4j.core.lifecycle.Ticker;
import dev.atomemo4j.core.pipeline.Secrets;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.runtime.datasource.Entity;
import dev.atomemo4j.runtime.datasource.QueryConnection;
import dev.atomemo4j.runtime.datasource.QueryResult;
import dev.atomemo4j.runtime.datasource.ValidationResult;
import dev.atomemo4j.runtime.hooks.QueryEvent;
import dev.atomemo4j.runtime.hooks.QueryResultEvent;
import dev.atomemo4j.runtime.spi.AtlasBinding;
import dev.atomemo4j.runtime.spi.DatasourceBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's datasource query path (atlas-design.md, "Datasource queries go through the host"):
 *
 * <ol>
 *   <li>the datasource must be a hosted, enabled, healthy, connected datasource plugin;
 *   <li>empty check;
 *   <li>{@link SqlGuard}: regex guard with the plugin's forbidden patterns, a parse in its dialect (one read-only
 *       statement), the table whitelist from its entities; then the automatic LIMIT ({@link QuerySettings#rowLimit})
 *       — or, for a plugin with {@code @Validate}, its validator instead of all of that (no LIMIT), as in Atlas;
 *   <li>the {@code beforeQuery} hooks, chained, every rewrite validated again by the same step 3;
 *   <li>the connection's {@code query} with the statement timeout, on a {@link QueryWorkers} thread under the same
 *       deadline: past it the worker is interrupted (a JDBC connection cancels its statement) and the answer is
 *       {@code query:timeout};
 *   <li>the {@code afterQuery} hooks, observing only: they run on the hook threads and change nothing.
 * </ol>
 *
 * <p>Connections are made once, when the host wires the plugins (after every {@code @Initialize}), and closed when
 * the plugin is torn down, before its own {@code @Teardown} (the order of Atlas's datasource helper). A datasource
 * without {@code @HealthCheck} (and without a custom validator) is probed with {@code SELECT 1} under 5 s.
 */
public final class HostQueries implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("atomemo4j.host.query");
  /** The standard probe's deadline (atlas-features.md §6: 5 s for a database). */
  public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
  static final String PROBE_METHOD = "(standard SELECT 1 probe)";
  private static final int MAX_REASON = 500;

  private final QuerySettings settings;
  private final Ticker ticker;
  private final Map<String, Wired> wired = new ConcurrentHashMap<>();
  private final ExecutorService workers = Executors.newCachedThreadPool(new Workers());
  /** The queries' own threads: a cheaper hand-off than {@code workers}, which only connects (once per plugin). */
  private final QueryWorkers queryWorkers = new QueryWorkers("atomemo4j-query-run-");
  private volatile HostedPlugins plugins;

  /** One wired datasource. {@code connection} is null when the factory failed ({@code problem} says why). */
  private record Wired(PluginInstance plugin, DatasourceBinding binding, SqlGuard guard, List<Entity> entities,
      List<String> tables, Secrets secrets, QueryConnection connection, String problem) {}

  /** What a validation step made of one query text. */
  private record Checked(String sql, Integer rowLimit) {}

  public HostQueries(QuerySettings settings, Ticker ticker) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  public QuerySettings settings() {
    return settings;
  }

  // ---- wiring ----------------------------------------------------------------------------------------------------

  /**
   * The specs with what the host adds to each datasource plugin: the standard probe when it has no
   * {@code @HealthCheck} (and no custom validator, whose language may not know {@code SELECT 1}), and a teardown that
   * closes its connection before calling the plugin's own. Other specs are returned as they are.
   */
  public List<PluginSpec> prepare(List<PluginSpec> specs) {
    List<PluginSpec> out = new ArrayList<>(specs.size());
    for (PluginSpec spec : specs) {
      out.add(prepare(spec));
    }
    return out;
  }

  private PluginSpec prepare(PluginSpec spec) {
    AtlasBinding a = spec.descriptor().atlas();
    DatasourceBinding d = a.datasource();
    if (d == null) {
      return spec;
    }
    String id = spec.id();
    AtlasBinding.LifecycleMethod<AtlasBinding.Probe> probe = a.healthCheck();
    if (probe == null && d.validator() == null) {
      probe = new AtlasBinding.LifecycleMethod<>(PROBE_METHOD, PROBE_TIMEOUT, plugin -> standardProbe(id));
    }
    AtlasBinding.LifecycleMethod<AtlasBinding.Call> own = a.teardown();
    AtlasBinding.LifecycleMethod<AtlasBinding.Call> teardown = new AtlasBinding.LifecycleMethod<>(
        own == null ? "(close the datasource connection)" : own.method(), own == null ? null : own.timeout(),
        plugin -> {
          try {
            disconnect(id);
          } finally {
            if (own != null) {
              own.call().call(plugin);
            }
          }
        });
    AtlasBinding atlas = new AtlasBinding(a.manifestResource(), a.types(), a.required(), a.config(), a.factory(),
        a.initialize(), probe, teardown, a.onUninstall(), a.contextLoad(), a.refresh(), a.actions(), a.hooks(),
        a.datasource(), a.sandbox(), a.routes(), a.schema());
    PluginDescriptor p = spec.descriptor();
    PluginDescriptor descriptor = new PluginDescriptor(p.name(), p.version(), p.definitionResource(), p.anchor(),
        p.tools(), p.credentials(), atlas);
    return new PluginSpec(descriptor, spec.config(), spec.enabled(), spec.timeouts());
  }

  /**
   * Connects every datasource plugin that initialized (its factory and its entities, together under its initialize
   * deadline). A failure is logged and kept: that datasource answers {@code query:not_connected}, and its standard
   * probe reports it unhealthy.
   */
  public void wire(HostedPlugins hosted) {
    this.plugins = hosted;
    for (PluginInstance instance : hosted.all()) {
      DatasourceBinding d = instance.descriptor().atlas().datasource();
      if (d == null) {
        continue;
      }
      Secrets secrets = ConfigSecrets.of(instance);
      Object target = instance.pluginObject();
      if (target == null || instance.status() != PluginStatus.HEALTHY) {
        wired.put(instance.id(), new Wired(instance, d, null, List.of(), List.of(), secrets, null,
            "the plugin did not initialize (status " + instance.status().wireName() + ")"));
        continue;
      }
      wired.put(instance.id(), connect(instance, d, target, secrets));
    }
  }

  private Wired connect(PluginInstance instance, DatasourceBinding d, Object target, Secrets secrets) {
    Duration deadline = instance.deadline(CallKind.INITIALIZE);
    Future<Object[]> made = workers.submit(() -> {
      QueryConnection c = d.connect().connect(target);
      List<Entity> entities;
      try {
        entities = d.entities() == null ? List.of() : d.entities().entities(target);
      } catch (Exception e) {
        close(instance.id(), c, secrets);
        throw e;
      }
      return new Object[] {c, entities};
    });
    String problem;
    QueryConnection connection = null;
    try {
      Object[] r = made.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
      connection = (QueryConnection) r[0];
      if (connection == null) {
        problem = "@Datasource method " + d.method() + " returned null";
      } else {
        @SuppressWarnings("unchecked")
        List<Entity> entities = r[1] == null ? List.of() : List.copyOf((List<Entity>) r[1]);
        List<String> tables = EntityTables.of(entities);
        SqlGuard guard = d.validator() != null ? null : SqlGuard.of(d.parserDialect(), patterns(d),
            new java.util.LinkedHashSet<>(tables));
        log.info("datasource {} connected ({}, {} entities)", instance.id(), d.dbType(), entities.size());
        return new Wired(instance, d, guard, entities, tables, secrets, connection, null);
      }
    } catch (TimeoutException e) {
      made.cancel(true);
      problem = "@Datasource method " + d.method() + " did not answer within " + deadline.toMillis() + " ms";
    } catch (InterruptedException e) {
      made.cancel(true);
      Thread.currentThread().interrupt();
      problem = "interrupted while connecting";
    } catch (ExecutionException e) {
      problem = "@Datasource method " + d.method() + " failed: " + clean(describe(e.getCause()), secrets);
    } catch (RuntimeException e) {
      // The entities' YAML or the guard's patterns (compiled at build time, so hardly ever): the connection that
      // was made is not kept.
      close(instance.id(), connection, secrets);
      problem = "wiring failed: " + clean(describe(e), secrets);
    }
    log.warn("datasource {} is not connected: {}", instance.id(), problem);
    return new Wired(instance, d, null, List.of(), List.of(), secrets, null, problem);
  }

  private static List<Pattern> patterns(DatasourceBinding d) {
    List<Pattern> out = new ArrayList<>();
    for (String p : d.forbiddenPatterns()) {
      out.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE));
    }
    return out;
  }

  /** The standard probe: {@code SELECT 1} through the datasource's own connection. */
  HealthResult standardProbe(String id) throws Exception {
    Wired w = wired.get(id);
    if (w == null) {
      return HealthResult.unhealthy("the datasource is not wired yet");
    }
    if (w.connection() == null) {
      return HealthResult.unhealthy("not connected: " + w.problem());
    }
    w.connection().query("SELECT 1", PROBE_TIMEOUT);
    return HealthResult.ok();
  }

  /** Closes one datasource's connection (its teardown, before the plugin's own). Never throws. */
  void disconnect(String id) {
    Wired w = wired.remove(id);
    if (w != null && w.connection() != null) {
      close(id, w.connection(), w.secrets());
    }
  }

  private static void close(String id, QueryConnection connection, Secrets secrets) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
      log.info("datasource {} connection closed", id);
    } catch (Exception e) {
      log.warn("datasource {}: closing its connection failed: {}", id, clean(describe(e), secrets));
    }
  }

  // ---- queries ---------------------------------------------------------------------------------------------------

  /**
   * This query path as the core's {@link dev.atomemo4j.core.query.QueryGateway}, for a front end in the same
   * process that must not import the host (the MCP server's query tools): every call takes the whole path here.
   */
  public dev.atomemo4j.core.query.QueryGateway gateway() {
    return new HostQueryGateway(this, () -> plugins);
  }


  /** The hosted datasources, in registration order. */
  public List<DatasourceInfo> list() {
    HostedPlugins hosted = plugins;
    List<DatasourceInfo> out = new ArrayList<>();
    if (hosted == null) {
      return out;
    }
    for (PluginInstance instance : hosted.all()) {
      DatasourceBinding d = instance.descriptor().atlas().datasource();
      if (d == null) {
        continue;
      }
      Wired w = wired.get(instance.id());
      out.add(new DatasourceInfo(instance.id(), d.dbType(), d.parserDialect().name().toLowerCase(java.util.Locale.ROOT),
          d.dialect(), w == null ? List.of() : w.entities().stream().map(Entity::name).toList(),
          w == null ? List.of() : w.tables(), d.validator() != null, w != null && w.connection() != null,
          w == null ? "torn down or not wired" : w.problem()));
    }
    return out;
  }

  /**
   * Runs one query through the whole path.
   *
   * @throws QueryException every refusal and failure, with its stable code and user-facing reason
   */
  public QueryAnswer query(String datasourceId, String sql) {
    Wired w = usable(datasourceId);
    Checked first = validate(w, sql);
    HookDispatcher hooks = plugins.hooks();
    Checked[] last = {first};
    String toRun;
    try {
      toRun = hooks.beforeQuery(new QueryEvent(datasourceId, first.sql()), rewritten -> {
        Checked c = validate(w, rewritten);
        last[0] = c;
        return c.sql();
      });
    } catch (HookRejectedException e) {
      throw new QueryException(e.code(), e.reason());
    }
    long start = ticker.nanos();
    QueryResult result = run(w, toRun);
    Duration took = Duration.ofNanos(Math.max(0, ticker.nanos() - start));
    hooks.afterQuery(new QueryResultEvent(datasourceId, toRun, result, took.toMillis()));
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (last[0].rowLimit() != null) {
      metadata.put("rowLimit", last[0].rowLimit());
    }
    metadata.put("rewritten", !toRun.equals(first.sql()));
    metadata.put("validation", w.guard() == null ? "custom" : "sql");
    return new QueryAnswer(datasourceId, result, toRun, took, metadata);
  }

  private Wired usable(String id) {
    HostedPlugins hosted = plugins;
    if (hosted == null) {
      throw new QueryException(QueryException.NOT_CONNECTED, "the host has not wired its datasources yet");
    }
    if (id == null || !hosted.contains(id) || hosted.get(id).descriptor().atlas().datasource() == null) {
      List<String> ids = list().stream().map(DatasourceInfo::id).toList();
      throw new QueryException(QueryException.UNKNOWN_DATASOURCE, "no datasource `" + id + "` in this host"
          + (ids.isEmpty() ? " (it has none)" : "; datasources: " + String.join(", ", ids)));
    }
    PluginInstance instance = hosted.get(id);
    if (!instance.enabled()) {
      throw new QueryException(QueryException.DISABLED, "datasource `" + id + "` is disabled");
    }
    if (instance.status() != PluginStatus.HEALTHY) {
      throw new QueryException(QueryException.UNHEALTHY, "datasource `" + id + "` is "
          + instance.status().wireName() + instance.lastHealth().map(h -> h.message() == null ? ""
              : ": " + h.message()).orElse(""));
    }
    Wired w = wired.get(id);
    if (w == null || w.connection() == null) {
      throw new QueryException(QueryException.NOT_CONNECTED, "datasource `" + id + "` has no connection: "
          + (w == null ? "it was torn down" : w.problem()));
    }
    return w;
  }

  /** Step 3: the SQL guard and the LIMIT, or the plugin's own validator. */
  private Checked validate(Wired w, String sql) {
    if (sql == null || sql.isBlank()) {
      throw new QueryException(QueryException.EMPTY, "the query is empty");
    }
    if (w.guard() == null) {
      ValidationResult r;
      try {
        r = w.binding().validator().validate(w.plugin().pluginObject(), sql);
      } catch (Exception e) {
        throw new QueryException(QueryException.INVALID, "the validator of datasource `" + w.plugin().id()
            + "` failed: " + clean(describe(e), w.secrets()));
      }
      if (r == null || !r.isValid()) {
        throw new QueryException(QueryException.INVALID, r == null ? "the validator of datasource `"
            + w.plugin().id() + "` returned no result" : clean(r.reason(), w.secrets()));
      }
      return new Checked(sql, null);
    }
    try {
      // SqlGuard remembers its verdicts and limited texts, so a query the agent repeats is not parsed again.
      CheckedQuery checked = w.guard().check(sql);
      String limited = w.guard().withRowLimit(checked, settings.rowLimit());
      return new Checked(limited, limited.equals(checked.sql()) ? null : settings.rowLimit());
    } catch (QueryRejectedException e) {
      throw new QueryException(e.code(), e.reason());
    }
  }

  /** Step 5: the connection's query on a worker, under the deadline. */
  private QueryResult run(Wired w, String sql) {
    Duration timeout = settings.timeout();
    QueryConnection connection = w.connection();
    try {
      QueryResult result = queryWorkers.call(() -> connection.query(sql, timeout), timeout.toNanos());
      if (result == null) {
        throw new QueryException(QueryException.FAILED, "datasource `" + w.plugin().id() + "` returned no result");
      }
      return result;
    } catch (RejectedExecutionException closed) {
      throw new QueryException(QueryException.NOT_CONNECTED, "the host is closed");
    } catch (TimeoutException e) {
      // The worker was interrupted (a JDBC connection cancels its statement) and is left to end on its own.
      throw timeout(w, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryException(QueryException.INTERRUPTED, "interrupted while the query ran; it was cancelled");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLTimeoutException) {
        throw timeout(w, timeout);
      }
      throw new QueryException(QueryException.FAILED, "datasource `" + w.plugin().id() + "` failed the query: "
          + clean(describe(cause), w.secrets()));
    }
  }

  private static QueryException timeout(Wired w, Duration timeout) {
    return new QueryException(QueryException.TIMEOUT, "the query on datasource `" + w.plugin().id()
        + "` did not finish within " + timeout.toMillis() + " ms; it was cancelled");
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }

  /** A message made safe to show: the plugin's secrets masked, control characters flattened, capped. */
  static String clean(String message, Secrets secrets) {
    String m = secrets.scrub(message == null ? "" : message);
    StringBuilder out = new StringBuilder(Math.min(m.length(), MAX_REASON));
    for (int i = 0; i < m.length() && out.length() < MAX_REASON; i++) {
      char c = m.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return out.toString().strip();
  }

  /** Stops the query workers and closes the connections no teardown closed. */
  @Override
  public void close() {
    workers.shutdownNow();
    queryWorkers.close();
    for (String id : List.copyOf(wired.keySet())) {
      disconnect(id);
    }
  }

  private static final class Workers implements ThreadFactory {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "atomemo4j-query-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
