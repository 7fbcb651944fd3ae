package dev.atomemo4j.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.core.actions.ActionGateway;
import dev.atomemo4j.core.lifecycle.HostedPlugins;
import dev.atomemo4j.core.query.QueryGateway;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Serves one plugin's tools over the Model Context Protocol with the official MCP Java SDK: over stdio (a desktop
 * assistant or IDE agent starts the server as a subprocess) or over streamable HTTP. The same generated registry the
 * Hub front end serves; the same core pipeline validates and calls the tools.
 *
 * <pre>{@code
 * McpPluginServer server = McpPluginServer.builder(new MyPluginRegistry().descriptor())
 *     .credentials(McpCredentials.fromEnvironment(descriptor, System.getenv()))
 *     .build();
 * try (McpPluginServer.Running http = server.serveHttp(new InetSocketAddress("127.0.0.1", 8808))) {
 *   http.awaitClosed();
 * }
 * }</pre>
 *
 * A server is a description and can serve several times; each {@code serve…} call starts an SDK server of its own.
 */
public final class McpPluginServer {

  /** How long an {@code admin-only} action call waits for a decision by default. */
  public static final Duration DEFAULT_APPROVAL_WAIT = Duration.ofSeconds(60);
  /** How long the user may take to answer an approval question by default. */
  public static final Duration DEFAULT_ELICITATION_TIMEOUT = Duration.ofMinutes(5);

  /** The path of the streamable HTTP endpoint. */
  public static final String HTTP_ENDPOINT = "/mcp";

  private final PluginDescriptor plugin;
  private final McpCredentials credentials;
  private final boolean withStackTraces;
  private final HostedPlugins contexts;
  private final ActionGateway actions;
  private final QueryGateway queries;
  private final Duration approvalWait;
  private final Duration elicitationTimeout;

  private McpPluginServer(Builder b) {
    this.plugin = b.plugin;
    this.credentials = b.credentials;
    this.withStackTraces = b.withStackTraces;
    this.contexts = b.contexts;
    this.actions = b.actions;
    this.queries = b.queries;
    this.approvalWait = b.approvalWait;
    this.elicitationTimeout = b.elicitationTimeout;
  }

  public static Builder builder(PluginDescriptor plugin) {
    return new Builder(plugin);
  }

  public static Builder builder(PluginRegistry registry) {
    return new Builder(registry.descriptor());
  }

  public PluginDescriptor plugin() {
    return plugin;
  }

  /**
   * Serves one client over {@code in} and {@code out} (JSON-RPC messages, one a line): {@code System.in} and
   * {@code System.out} for a subprocess server. Nothing else may write to {@code out}; log to standard error.
   */
  public Running serveStdio(InputStream in, OutputStream out) {
    CallRegistry calls = new CallRegistry();
    TappedLines tapped = new TappedLines(in, new JsonRpcTap(calls));
    StdioServerTransportProvider transport = new StdioServerTransportProvider(mapper(), tapped, out);
    ExecutorService continuations = continuations();
    ToolCalls toolCalls = new ToolCalls(plugin, credentials, calls, withStackTraces, continuations);
    ActionCalls actionCalls = actionCalls();
    QueryCalls queryCalls = new QueryCalls(queries);
    McpSyncServer server = configure(McpServer.sync(transport), toolCalls, actionCalls, queryCalls).build();
    return new Running(null, tapped.ended(), () -> {
      toolCalls.cancelAll();
      actionCalls.cancelAll();
      queryCalls.cancelAll();
      server.closeGracefully();
      continuations.shutdownNow();
    });
  }

  /**
   * Serves streamable HTTP at {@code http://<address>}{@value #HTTP_ENDPOINT}, any number of clients (sessions).
   * Bind to loopback unless a proxy in front authenticates callers: the endpoint has no authentication of its own.
   */
  public Running serveHttp(InetSocketAddress address) throws Exception {
    CallRegistry calls = new CallRegistry();
    HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(mapper())
        .mcpEndpoint(HTTP_ENDPOINT)
        .build();
    ExecutorService continuations = continuations();
    ToolCalls toolCalls = new ToolCalls(plugin, credentials, calls, withStackTraces, continuations);
    ActionCalls actionCalls = actionCalls();
    QueryCalls queryCalls = new QueryCalls(queries);
    McpSyncServer server = configure(McpServer.sync(transport), toolCalls, actionCalls, queryCalls).build();
    HttpEndpoint http = HttpEndpoint.start(address, transport, new JsonRpcTap(calls));
    CountDownLatch closed = new CountDownLatch(1);
    return new Running(http.url(HTTP_ENDPOINT), closed, () -> {
      try {
        toolCalls.cancelAll();
        actionCalls.cancelAll();
        queryCalls.cancelAll();
        server.closeGracefully();
        http.stop();
      } finally {
        continuations.shutdownNow();
        closed.countDown();
      }
    });
  }

  private ActionCalls actionCalls() {
    return new ActionCalls(actions, approvalWait);
  }

  private McpServer.SyncSpecification<?> configure(McpServer.SyncSpecification<?> spec, ToolCalls toolCalls,
      ActionCalls actionCalls, QueryCalls queryCalls) {
    List<McpServerFeatures.SyncToolSpecification> tools = new ArrayList<>(ToolSpecs.of(plugin).stream()
        .map(s -> McpServerFeatures.SyncToolSpecification.builder()
            .tool(s.tool())
            .callHandler((exchange, request) -> toolCalls.call(s, exchange, request))
            .build())
        .toList());
    if (actions != null) {
      for (ActionSpecs.Spec a : ActionSpecs.of(plugin, actions)) {
        tools.add(McpServerFeatures.SyncToolSpecification.builder()
            .tool(a.tool())
            .callHandler((exchange, request) -> actionCalls.call(a, exchange, request))
            .build());
      }
      // A person answers the approval question: give them longer than the SDK's default request timeout.
      spec.requestTimeout(elicitationTimeout);
    }
    if (queries != null) {
      for (QuerySpecs.Spec q : QuerySpecs.of(queries)) {
        tools.add(McpServerFeatures.SyncToolSpecification.builder()
            .tool(q.tool())
            .callHandler((exchange, request) -> queryCalls.call(q, request))
            .build());
      }
    }
    McpSchema.ServerCapabilities.Builder capabilities = McpSchema.ServerCapabilities.builder().tools(false);
    List<McpServerFeatures.SyncResourceSpecification> resources = contexts == null ? List.of()
        : ContextResources.of(contexts);
    if (!resources.isEmpty()) {
      capabilities.resources(false, false);
    }
    return spec
        .serverInfo(plugin.name(), plugin.version() == null ? "0" : plugin.version())
        .capabilities(capabilities.build())
        // Our pipeline validates arguments and answers with our codes (sdk:invalid_parameter and its problems).
        .validateToolInputs(false)
        .tools(tools)
        .resources(resources);
  }

  private static McpJsonMapper mapper() {
    return new JacksonMcpJsonMapper(new ObjectMapper());
  }

  private static ExecutorService continuations() {
    return Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "atomemo4j-mcp-continuation");
      t.setDaemon(true);
      return t;
    });
  }

  /** A server serving: its URL (HTTP), a wait for its end, and {@link #close()}. */
  public static final class Running implements AutoCloseable {
    private final URI url;
    private final CountDownLatch ended;
    private final Runnable stop;
    private boolean closed;

    Running(URI url, CountDownLatch ended, Runnable stop) {
      this.url = url;
      this.ended = ended;
      this.stop = stop;
    }

    /** The streamable HTTP endpoint; empty for stdio. */
    public Optional<URI> url() {
      return Optional.ofNullable(url);
    }

    /** Blocks until the client closed stdio (end of input), or until {@link #close()}. */
    public void awaitClosed() throws InterruptedException {
      ended.await();
    }

    /** Like {@link #awaitClosed()}, at most {@code timeout}; true if it ended. */
    public boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
      return ended.await(timeout, unit);
    }

    /** Stops serving: open calls are interrupted, the HTTP port is released. Idempotent. */
    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        stop.run();
      }
    }
  }

  /** Configures a {@link McpPluginServer}. */
  public static final class Builder {
    private final PluginDescriptor plugin;
    private McpCredentials credentials = McpCredentials.none();
    private boolean withStackTraces;
    private HostedPlugins contexts;
    private ActionGateway actions;
    private QueryGateway queries;
    private Duration approvalWait = DEFAULT_APPROVAL_WAIT;
    private Duration elicitationTimeout = DEFAULT_ELICITATION_TIMEOUT;

    private Builder(PluginDescriptor plugin) {
      this.plugin = Objects.requireNonNull(plugin, "plugin");
    }

    /** The credential values tools get (default: none, so tools needing one answer a clear error). */
    public Builder credentials(McpCredentials value) {
      this.credentials = Objects.requireNonNull(value, "credentials");
      return this;
    }

    /** Adds the plugin exception's stack ({@code stack}) to tool errors; off by default. For debugging only. */
    public Builder withStackTraces(boolean value) {
      this.withStackTraces = value;
      return this;
    }

    /**
     * Lists the context plugins among {@code hosted} as MCP resources ({@code atomemo4j://context/<id>}), read from
     * what their context providers last returned. Booting, refreshing and tearing them down stays with the caller.
     */
    public Builder contexts(HostedPlugins hosted) {
      this.contexts = Objects.requireNonNull(hosted, "hosted");
      return this;
    }

    /**
     * Serves the plugin's {@code @Action}s as tools, through {@code gateway} (the host's approval store, e.g.
     * {@code host.actions().gateway(pluginId)}): {@code manual} asks the user by elicitation, {@code admin-only}
     * waits for an admin, {@code auto} runs. Without it, actions are not listed.
     */
    public Builder actions(ActionGateway gateway) {
      this.actions = Objects.requireNonNull(gateway, "gateway");
      return this;
    }

    /**
     * Serves each datasource of a host as a query tool {@code query_<id>}, through {@code gateway} (the host's
     * query path, e.g. {@code host.datasources().gateway()}): the guard or the plugin's validator, the LIMIT, the
     * hooks and the timeout all stay the host's. Without it, no query tool is listed.
     */
    public Builder queries(QueryGateway gateway) {
      this.queries = Objects.requireNonNull(gateway, "gateway");
      return this;
    }

    /** How long an {@code admin-only} call waits for an admin's decision before answering it pending (60 s). */
    public Builder approvalWait(Duration wait) {
      if (wait.isNegative()) {
        throw new IllegalArgumentException("the approval wait must not be negative, got " + wait);
      }
      this.approvalWait = wait;
      return this;
    }

    /** How long the server waits for the user's answer to an approval question; no answer denies (5 min). */
    public Builder elicitationTimeout(Duration timeout) {
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("the elicitation timeout must be positive, got " + timeout);
      }
      this.elicitationTimeout = timeout;
      return this;
    }

    public McpPluginServer build() {
      return new McpPluginServer(this);
    }
  }
}
