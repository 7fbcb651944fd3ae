package dev.atomemo4j.host;

import dev.atomemo4j.core.hooks.HookDispatcher;
import dev.atomemo4j.core.lifecycle.CallKind;
import dev.atomemo4j.core.lifecycle.ConfigInput;
import dev.atomemo4j.core.lifecycle.ConfigValidator;
import dev.atomemo4j.core.lifecycle.Deadlines;
import dev.atomemo4j.core.lifecycle.HealthCache;
import dev.atomemo4j.core.lifecycle.HealthMonitor;
import dev.atomemo4j.core.lifecycle.HealthSnapshot;
import dev.atomemo4j.core.lifecycle.HostedPlugins;
import dev.atomemo4j.core.lifecycle.InvalidConfigException;
import dev.atomemo4j.core.lifecycle.LifecycleException;
import dev.atomemo4j.core.lifecycle.LifecycleListener;
import dev.atomemo4j.core.lifecycle.LifecycleResult;
import dev.atomemo4j.core.lifecycle.PluginHealth;
import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.core.lifecycle.PluginSpec;
import dev.atomemo4j.core.lifecycle.Ticker;
import dev.atomemo4j.core.lifecycle.ValidatedPlugin;
import dev.atomemo4j.runtime.spi.ConfigViolation;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import dev.atomemo4j.host.actions.ActionSettings;
import dev.atomemo4j.host.actions.HostActions;
import dev.atomemo4j.host.actions.JdbcActionStore;
import dev.atomemo4j.host.tools.HostTools;
import dev.atomemo4j.runtime.Atomemo4jException;
import dev.atomemo4j.runtime.ToolFactory;
import java.util.function.Function;
import dev.atomemo4j.host.explore.ExploreException;
import dev.atomemo4j.host.explore.DispatcherExploreHooks;
import dev.atomemo4j.host.explore.ExploreResult;
import dev.atomemo4j.host.explore.ExploreSettings;
import dev.atomemo4j.host.explore.HostExplore;
import dev.atomemo4j.host.schema.PluginTables;
import dev.atomemo4j.host.schema.StorageDatabase;
import dev.atomemo4j.host.query.HostQueries;
import dev.atomemo4j.host.query.QueryAnswer;
import dev.atomemo4j.host.query.QuerySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Atlas plugins inside a Java application, as Atlas's host does (atlas-features.md §5): every plugin's config
 * validated first (all problems in one {@link InvalidConfigException}), then initialize in registration order
 * under deadlines, the context wired, the health loop started, and an optional admin HTTP API (host/API.md).
 * {@link #close()} stops the health loop, then tears the plugins down last-first under deadlines.
 *
 * <pre>{@code
 * try (PluginHost host = PluginHost.builder()
 *     .plugin(GlossaryPlugin.class, new GlossaryConfig(Path.of("semantic")))
 *     .plugin(new TicketsPluginRegistry(), ticketsConfig)
 *     .adminPort(8787)
 *     .start()) {
 *   String systemPrompt = base + host.context();
 * }
 * }</pre>
 *
 * <p>Or from a file ({@link HostFile}): {@code PluginHost.fromFile(Path.of("host.yaml"))}, and for the CLI
 * {@link #serve(Path)}, which also blocks until SIGTERM.
 */
public final class PluginHost implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("atomemo4j.host");
  private static final Duration EVENT_FLUSH = Duration.ofSeconds(5);

  private final HostedPlugins plugins;
  private final HealthMonitor health;
  private final AdminServer admin;
  private final Thread shutdownHook;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private final HostActions actions;
  private final JdbcActionStore ownedStore;
  private final HostTools tools;
  private volatile HostExplore explore;
  private final StorageDatabase ownedStorage;
  private final HostQueries queries;

  private PluginHost(HostedPlugins plugins, HealthMonitor health, AdminServer admin, Thread shutdownHook,
      HostActions actions, JdbcActionStore ownedStore, HostTools tools, StorageDatabase ownedStorage,
      HostQueries queries) {
    this.tools = tools;
    this.queries = queries;
    this.plugins = plugins;
    this.health = health;
    this.admin = admin;
    this.shutdownHook = shutdownHook;
    this.actions = actions;
    this.ownedStore = ownedStore;
    this.ownedStorage = ownedStorage;
  }

  /**
   * Runs a query on a datasource plugin through the host's validation path (host/API.md, Datasources): empty check,
   * SQL guard and table whitelist (or the plugin's {@code @Validate}), automatic LIMIT, {@code beforeQuery} hooks
   * with every rewrite validated again, the query under the statement timeout, {@code afterQuery} hooks.
   *
   * @throws dev.atomemo4j.host.query.QueryException with a stable code and the user-facing reason
   */
  public QueryAnswer query(String datasourceId, String sql) {
    return queries.query(datasourceId, sql);
  }

  /** The datasource plugins: their list (dbType, dialect text, entities) and the query path. */
  public HostQueries datasources() {
    return queries;
  }

  /**
   * The approval gate of the plugins' {@code @Action}s: propose, approve, deny, list, audit. Every action body runs
   * only through it, after the approval its effective mode requires, once.
   *
   * @throws IllegalStateException when no hosted plugin declares an action (and no store was given)
   */
  public HostActions actions() {
    if (actions == null) {
      throw new IllegalStateException("no hosted plugin declares an @Action, and no action store was configured");
    }
    return actions;
  }

  /**
   * The hosted plugins' tools and actions, with their generated schemas, callable through the core pipeline (an
   * action is proposed to {@link #actions()} and runs after its approval): what an agent framework hands a model.
   */
  public HostTools tools() {
    return tools;
  }

  /**
   * Runs an explore command on the chosen sandbox backend (host/API.md, "Explore"): validated, through the
   * {@code beforeExplore}/{@code afterExplore} hooks, under the output and time limits.
   *
   * @throws ExploreException with an {@code explore:…} code when the command did not run
   */
  public ExploreResult explore(String command) {
    return explore.explore(command);
  }

  /** The explore service: its settings, the backend chosen so far and what its selection considered. */
  public HostExplore explorer() {
    return explore;
  }

  /**
   * The plugins' {@code @Hook}s: the host's query, explore and HTTP paths call {@code beforeQuery}, {@code afterQuery},
   * {@code onRequest}, … here, over the plugins that are healthy and enabled at that moment.
   */
  public HookDispatcher hooks() {
    return plugins.hooks();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Reads a host file (environment references from the process environment), validates it and starts. */
  public static PluginHost fromFile(Path file) {
    return HostFile.read(file, System.getenv()).toBuilder().start();
  }

  /**
   * Everything {@code atomemo4j host host.yaml} does: reads and validates the file, starts the plugins and the admin
   * HTTP API, installs the shutdown hook, and blocks until the host is closed (SIGTERM, Ctrl-C, or
   * {@link #close()} from another thread). Throws {@link InvalidConfigException} or {@link LifecycleException}
   * when it cannot start.
   */
  public static void serve(Path file) throws InterruptedException {
    serve(file, System.getenv(), host -> {});
  }

  /**
   * {@link #serve(Path)} with the environment that resolves {@code ${VAR}} references, and a callback run once the
   * host is up (to print {@link #adminUrl()}, say) before this call blocks.
   */
  public static void serve(Path file, Map<String, String> env, Consumer<PluginHost> onStarted)
      throws InterruptedException {
    PluginHost host = HostFile.read(file, env).toBuilder().installShutdownHook(true).start();
    host.adminUrl().ifPresent(url -> log.info("atomemo4j host admin API on {}", url));
    log.info("atomemo4j host running {} plugin(s); stop with SIGTERM or Ctrl-C", host.plugins().size());
    try {
      onStarted.accept(host);
    } catch (RuntimeException e) {
      host.close();
      throw e;
    }
    host.awaitClosed();
  }

  // ---- plugins ---------------------------------------------------------------------------------------------------

  /**
   * The core's view of the hosted plugins, for another front end in the same process (the MCP server lists the
   * context plugins among them as resources). Their lifecycle stays with this host.
   */
  public HostedPlugins hosted() {
    return plugins;
  }

  /** Every plugin, in registration order. */
  public List<PluginInstance> plugins() {
    return plugins.all();
  }

  /**
   * One plugin.
   *
   * @throws LifecycleException {@code host:unknown_plugin}
   */
  public PluginInstance plugin(String id) {
    return plugins.get(id);
  }

  /** The cached health view (TTL, coalesced); probes when it is stale. */
  public HealthSnapshot health() {
    return join(health.health());
  }

  /** {@link #health()} without blocking. */
  public CompletableFuture<HealthSnapshot> healthAsync() {
    return health.health();
  }

  /** A health round now, whatever is cached; the result is cached. */
  public HealthSnapshot probeAll() {
    return join(health.probeNow());
  }

  /** Probes one plugin now. */
  public PluginHealth probe(String id) {
    return join(health.probe(id));
  }

  /**
   * The context for the agent's system prompt: the enabled, healthy context plugins' texts, in registration order,
   * blank ones skipped.
   */
  public String context() {
    return plugins.context();
  }

  /**
   * Enables a plugin; returns whether it was disabled.
   *
   * @throws LifecycleException {@code host:unknown_plugin}, {@code host:in_teardown}
   */
  public boolean enable(String id) {
    boolean changed = plugins.enable(id);
    health.invalidate();
    return changed;
  }

  /**
   * Disables a plugin: it stays running but drops out of {@link #context()} (and hooks) and of the overall health.
   *
   * @throws LifecycleException {@code host:unknown_plugin}, {@code host:in_teardown}
   */
  public boolean disable(String id) {
    boolean changed = plugins.disable(id);
    health.invalidate();
    return changed;
  }

  /** Calls the plugin's {@code @Refresh}, then loads its context again. Never throws. */
  public LifecycleResult refresh(String id) {
    LifecycleResult result = plugins.refresh(id);
    health.invalidate();
    return result;
  }

  /** Calls the plugin's {@code @OnUninstall(workspaceId)} under its deadline. Never throws. */
  public LifecycleResult onUninstall(String id, String workspaceId) {
    return plugins.onUninstall(id, workspaceId);
  }

  /** The admin API's base URL, when one was requested. */
  public Optional<URI> adminUrl() {
    return admin == null ? Optional.empty() : Optional.of(admin.url());
  }

  /**
   * Where a plugin's routes are served: {@code <http server>/plugins/<id>/}, when the host has an HTTP port
   * ({@link Builder#adminPort}).
   */
  public Optional<URI> pluginUrl(String pluginId) {
    return adminUrl().map(url -> url.resolve(dev.atomemo4j.host.routes.PluginRoutesHandler.PREFIX
        + java.net.URLEncoder.encode(pluginId, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "/"));
  }

  /** Blocks until {@link #close()} finished (from a shutdown hook or another thread). */
  public void awaitClosed() throws InterruptedException {
    closedLatch.await();
  }

  /** Waits until the events so far reached the listeners (tests, orderly shutdowns). */
  public void flushEvents() {
    plugins.flushEvents(EVENT_FLUSH);
  }

  /**
   * Stops the health loop, then the admin API, then tears the plugins down in reverse registration order, each under
   * its deadline and the whole under the close deadline. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      health.close();
      if (admin != null) {
        admin.close();
      }
      // Before the teardown: a sandbox plugin's backend is closed while its plugin still runs.
      HostExplore explorer = explore;
      if (explorer != null) {
        explorer.close();
      }
      plugins.close();
      queries.close();
      if (ownedStore != null) {
        ownedStore.close();
      }
      if (ownedStorage != null) {
        ownedStorage.close();
      }
      if (Thread.currentThread() != shutdownHook) {
        removeHook(shutdownHook);
      }
    } finally {
      closedLatch.countDown();
    }
  }

  private static void removeHook(Thread hook) {
    if (hook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already exiting: the hook runs (or ran) the teardown itself
    }
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LifecycleException("host:interrupted", "interrupted while waiting for the plugins");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new LifecycleException("host:internal_error", "health round failed: " + cause);
    }
  }

  // ---- builder ---------------------------------------------------------------------------------------------------

  /** Collects plugins and settings; {@link #start()} validates everything, then boots. */
  public static final class Builder {
    /** Each plugin as registered; its descriptor is built at {@link #start()}, with the tool factory. */
    private final List<Function<ToolFactory, PluginSpec>> specs = new ArrayList<>();
    private ToolFactory toolFactory;
    private final List<ConfigViolation> problems = new ArrayList<>();
    private final List<LifecycleListener> listeners = new ArrayList<>();
    private Deadlines deadlines = Deadlines.DEFAULT;
    private Duration closeDeadline = HostedPlugins.DEFAULT_CLOSE_DEADLINE;
    private Duration healthInterval = HealthMonitor.DEFAULT_INTERVAL;
    private Duration healthCacheTtl = HealthCache.DEFAULT_TTL;
    private Integer adminPort;
    private String adminHost = "127.0.0.1";
    private boolean adminApi = true;
    private int maxRouteBodyBytes = dev.atomemo4j.host.routes.PluginRoutesHandler.DEFAULT_MAX_BODY_BYTES;
    private boolean shutdownHook;
    private Ticker ticker = Ticker.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private JdbcActionStore actionStore;
    private String database;
    private ActionSettings actionSettings = ActionSettings.defaults();
    private ExploreSettings exploreSettings = ExploreSettings.defaults();
    private QuerySettings querySettings = QuerySettings.defaults();

    private Builder() {}

    /** The row limit and statement timeout of datasource queries (default 1000 rows, 30 s). */
    public Builder querySettings(QuerySettings settings) {
      this.querySettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** A plugin by its generated registry, with its config record. */
    public Builder plugin(PluginRegistry registry, Object config) {
      Objects.requireNonNull(registry, "registry");
      ConfigInput input = ConfigInput.typed(config);
      specs.add(factory -> PluginSpec.of(factory == null ? registry.descriptor() : registry.descriptor(factory),
          input));
      return this;
    }

    /**
     * A plugin by its generated registry, with its config as given outside Java (a JSON tree from a file or an
     * application's properties): decoded with the config's shape and validated at {@link #start()}.
     */
    public Builder plugin(PluginRegistry registry, ConfigInput config) {
      Objects.requireNonNull(registry, "registry");
      // plugin(registry, null) lands here (the more specific overload): no config, as it always meant.
      ConfigInput input = config == null ? ConfigInput.NONE : config;
      specs.add(factory -> PluginSpec.of(factory == null ? registry.descriptor() : registry.descriptor(factory),
          input));
      return this;
    }

    /** A plugin that takes no config, by its generated registry. */
    public Builder plugin(PluginRegistry registry) {
      return plugin(registry, null);
    }

    /**
     * A plugin by its {@code @Plugin} class, with its config record; its generated registry is found through
     * {@link ServiceLoader} (the class's loader), once, here.
     */
    public Builder plugin(Class<?> pluginClass, Object config) {
      PluginRegistry registry = findRegistry(pluginClass);
      if (registry == null) {
        problems.add(new ConfigViolation("plugins." + pluginClass.getSimpleName(), "host:no_registry",
            "no generated registry for " + pluginClass.getName() + " on the classpath (META-INF/services/"
                + PluginRegistry.class.getName() + "); is it annotated with @Plugin and compiled with the "
                + "atomemo4j processor?"));
        return this;
      }
      return plugin(registry, config);
    }

    /** A plugin that takes no config, by its {@code @Plugin} class. */
    public Builder plugin(Class<?> pluginClass) {
      return plugin(pluginClass, null);
    }

    /** A plugin with every registration setting (enabled flag, per-plugin deadlines, config as JSON). */
    public Builder plugin(PluginSpec spec) {
      Objects.requireNonNull(spec, "spec");
      specs.add(factory -> spec); // its descriptor is built already: the tool factory does not reach it
      return this;
    }

    /**
     * Supplies the instances of the plugins' tool classes (a container's {@code getBean}, or {@link
     * ToolFactory#of}); a class it answers null for is created with its no-argument constructor. Applies to the
     * plugins registered by class or registry, not to a {@link PluginSpec} built beforehand.
     */
    public Builder toolFactory(ToolFactory factory) {
      this.toolFactory = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /** The default deadline of one kind of call (a plugin's annotation still overrides it). */
    public Builder deadline(CallKind kind, Duration deadline) {
      deadlines = deadlines.withDefault(kind, deadline);
      return this;
    }

    /** The cap on every deadline, annotations included (default 10 minutes). */
    public Builder maxDeadline(Duration maximum) {
      deadlines = deadlines.withMaximum(maximum);
      return this;
    }

    /** The deadline of the whole {@link PluginHost#close()} (default 30 s). */
    public Builder closeDeadline(Duration deadline) {
      closeDeadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    /** How often the health loop probes every plugin (default 60 s). */
    public Builder healthInterval(Duration interval) {
      healthInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /** How long {@link PluginHost#health()} and {@code /health} serve a round's result (default 15 s, max 300 s). */
    public Builder healthCacheTtl(Duration ttl) {
      if (ttl.isNegative() || ttl.compareTo(HealthCache.MAX_TTL) > 0) {
        throw new IllegalArgumentException("the health cache TTL must be between 0 and 300 s, got " + ttl);
      }
      healthCacheTtl = ttl;
      return this;
    }

    /** Receives every status transition, enabled change and probe result. */
    public Builder listener(LifecycleListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Serves the admin HTTP API on this port (0: an ephemeral one, see {@link PluginHost#adminUrl()}). */
    public Builder adminPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
      adminPort = port;
      return this;
    }

    /** The interface the admin API binds (default 127.0.0.1; it has no login, keep it on loopback). */
    public Builder adminHost(String host) {
      adminHost = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * Whether the HTTP server ({@link #adminPort}) serves the admin API (default true). Off, it serves the plugins'
     * routes under {@code /plugins/<id>/} only: for a host that receives webhooks on a public interface
     * ({@link #adminHost}) and must not expose the admin API, which has no login.
     */
    public Builder adminApi(boolean serve) {
      adminApi = serve;
      return this;
    }

    /** The largest request body a plugin route accepts (default 1 MiB); larger ones are answered 413. */
    public Builder maxRouteBodyBytes(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("the body cap cannot be negative, got " + bytes);
      }
      maxRouteBodyBytes = bytes;
      return this;
    }

    /** Tears the plugins down (LIFO) when the JVM exits, e.g. on SIGTERM (default false). */
    public Builder installShutdownHook(boolean install) {
      shutdownHook = install;
      return this;
    }

    /** The monotonic time source of latencies, the cache TTL and the close deadline (tests). */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** The clock of event and probe timestamps (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The store of action requests, shared by hosts that share approvals (PostgreSQL); the caller closes it.
     * Without one, a host whose plugins declare actions keeps them in its storage database ({@link #database}).
     */
    public Builder actionStore(JdbcActionStore store) {
      this.actionStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The host's storage database, a JDBC URL the host opens at start and closes with itself: the action store
     * (schema created or upgraded) and the plugins' tables (migrated before their initialize) live in it, e.g.
     * {@code jdbc:postgresql://db/atlas?user=…} or {@code jdbc:h2:file:/var/lib/host/storage}. Without one, a host
     * whose plugins declare actions or tables uses an H2 file, {@code .atomemo4j/storage} under the working
     * directory (or, for tables, the database of the {@link #actionStore} given).
     */
    public Builder database(String jdbcUrl) {
      this.database = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      return this;
    }

    /**
     * The storage database's JDBC URL, under the name it had when it held only the actions.
     *
     * @deprecated use {@link #database(String)}: the same database now also holds the plugins' tables
     */
    @Deprecated
    public Builder actionDatabase(String jdbcUrl) {
      return database(jdbcUrl);
    }

    /** Approval overrides, expiry, self-approval, credentials, the host id and the sealing key of actions. */
    public Builder actionSettings(ActionSettings settings) {
      this.actionSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** The semantic root, security policy, limits and built-in backends of {@link PluginHost#explore}. */
    public Builder exploreSettings(ExploreSettings settings) {
      this.exploreSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Problems found before the builder (a host file's), reported together with the config problems. */
    Builder problems(List<ConfigViolation> earlier) {
      problems.addAll(earlier);
      return this;
    }

    /**
     * Validates every plugin's config (all problems at once, nothing constructed on failure), registers the
     * plugins, initializes them in order, wires the context, starts the health loop and the admin API.
     *
     * @throws InvalidConfigException {@code host:invalid_config}, listing every problem
     * @throws LifecycleException {@code host:required_plugin_failed} after tearing down what was started
     */
    public PluginHost start() {
      List<PluginSpec> built = new ArrayList<>();
      List<ConfigViolation> found = new ArrayList<>(problems);
      for (Function<ToolFactory, PluginSpec> spec : specs) {
        try {
          built.add(spec.apply(toolFactory));
        } catch (Atomemo4jException e) {
          // sdk:no_tool_instance and the factory's failures: reported with the config problems, nothing started
          found.add(new ConfigViolation("plugins", e.code() == null ? "host:tool_instance" : e.code(),
              e.getMessage()));
        }
      }
      HostQueries queries = new HostQueries(querySettings, ticker);
      List<ValidatedPlugin> validated = ConfigValidator.validate(queries.prepare(built), found);
      HostedPlugins hosted = new HostedPlugins(validated, deadlines, listeners, ticker, clock, closeDeadline);
      // The hook is installed before boot: a SIGTERM during a long initialize still tears down what was started.
      AtomicReference<Runnable> onSignal = new AtomicReference<>(hosted::close);
      Thread hook = null;
      if (shutdownHook) {
        hook = new Thread(() -> {
          log.info("shutting down: tearing the plugins down");
          onSignal.get().run();
        }, "atomemo4j-host-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
      }
      HealthMonitor monitor = null;
      AdminServer server = null;
      JdbcActionStore owned = null;
      StorageDatabase ownedStorage = null;
      HostActions hostActions = null;
      HostTools hostTools;
      HostExplore explorer = null;
      try {
        // The storage first (atlas-features.md §5.3): the action store's schema, then the plugins' tables, before
        // any initialize; a broken database stops the host early.
        boolean hasActions = validated.stream().anyMatch(v -> !v.spec().descriptor().atlas().actions()
            .isEmpty());
        boolean hasTables = validated.stream().anyMatch(v -> v.spec().descriptor().atlas().schema() != null);
        JdbcActionStore store = actionStore;
        StorageDatabase storage = null;
        if (database != null) {
          ownedStorage = StorageDatabase.open(database);
        } else if (store != null && hasTables) {
          storage = StorageDatabase.using(store.dataSource());
        } else if (store == null && (hasActions || hasTables)) {
          ownedStorage = StorageDatabase.h2File(java.nio.file.Path.of(".atomemo4j", "storage"));
        }
        if (ownedStorage != null) {
          storage = ownedStorage;
        }
        if (store == null && (hasActions || database != null)) {
          owned = JdbcActionStore.on(storage.dataSource());
          store = owned;
        }
        if (hasTables) {
          PluginTables.migrate(storage, hosted.all());
        }
        hosted.boot();
        explorer = new HostExplore(hosted.all(), exploreSettings, new DispatcherExploreHooks(hosted.hooks()));
        // Atlas's boot order: interaction routes are wired after initialize and the context (§5.3 step 9).
        dev.atomemo4j.core.routes.PluginRoutes routes = dev.atomemo4j.core.routes.PluginRoutes.wire(hosted.all(),
            ticker);
        queries.wire(hosted);
        if (store != null) {
          hostActions = new HostActions(store, actionSettings, id -> hosted.contains(id) ? hosted.get(id) : null);
          hostActions.recover();
        }
        hostTools = new HostTools(hosted, hostActions, actionSettings.credentials());
        monitor = new HealthMonitor(hosted, healthInterval, healthCacheTtl, ticker);
        monitor.start();
        if (adminPort != null) {
          server = AdminServer.start(adminHost, adminPort, hosted, monitor, hostActions, explorer, queries, adminApi,
              new dev.atomemo4j.host.routes.PluginRoutesHandler(hosted, routes, maxRouteBodyBytes));
        } else if (!routes.pluginIds().isEmpty()) {
          log.warn("plugins {} have routes, but the host has no HTTP port (adminPort, host file http.port): their "
              + "routes are not served", routes.pluginIds());
        }
      } catch (RuntimeException e) {
        if (monitor != null) {
          monitor.close();
        }
        if (explorer != null) {
          explorer.close();
        }
        hosted.close();
        queries.close();
        if (owned != null) {
          owned.close();
        }
        if (ownedStorage != null) {
          ownedStorage.close();
        }
        removeHook(hook);
        throw e;
      }
      PluginHost host = new PluginHost(hosted, monitor, server, hook, hostActions, owned, hostTools, ownedStorage,
          queries);
      host.explore = explorer;
      onSignal.set(host::close);
      return host;
    }

    private static PluginRegistry findRegistry(Class<?> pluginClass) {
      // By the generated registry's name, so no other plugin's registry is instantiated; a hand-written registry
      // (tests) may instead name the plugin class as its descriptor's anchor.
      String generated = PluginRegistry.generatedNameFor(pluginClass);
      ClassLoader loader = pluginClass.getClassLoader();
      for (ServiceLoader.Provider<PluginRegistry> provider
          : ServiceLoader.load(PluginRegistry.class, loader).stream().toList()) {
        if (provider.type().getName().equals(generated)) {
          return provider.get();
        }
      }
      for (ServiceLoader.Provider<PluginRegistry> provider
          : ServiceLoader.load(PluginRegistry.class, loader).stream().toList()) {
        PluginRegistry registry = provider.get();
        try {
          if (registry.descriptor().anchor() == pluginClass) {
            return registry;
          }
        } catch (RuntimeException | LinkageError e) {
          // another plugin's registry that cannot be built as it is: not the one wanted here
        }
      }
      return null;
    }
  }
}
