package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.core.pipeline.ErrorCodes;
import dev.atomemo4j.core.pipeline.InvokeStage;
import dev.atomemo4j.core.pipeline.RequestPipeline;
import dev.atomemo4j.core.pipeline.ValidateStage;
import dev.atomemo4j.runtime.Atomemo4jException;
import dev.atomemo4j.runtime.ConfigException;
import dev.atomemo4j.runtime.PluginServer;
import dev.atomemo4j.runtime.internal.phoenix.PhoenixChannel;
import dev.atomemo4j.runtime.internal.phoenix.PhoenixSocket;
import dev.atomemo4j.runtime.internal.phoenix.Push;
import dev.atomemo4j.runtime.internal.phoenix.Redaction;
import dev.atomemo4j.runtime.internal.phoenix.ReplyStatus;
import dev.atomemo4j.runtime.internal.phoenix.SocketListener;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hub transport of one plugin (hub-protocol §14): configuration and author lookup, the socket and the
 * channel, registration on every join in debug mode, request dispatch, and shutdown.
 *
 * <p>Threads: the socket loop (Phoenix callbacks, request intake), the request workers, one timer thread (request
 * limits, Hub-call timeouts), and the thread that shuts down (the caller of
 * {@link #close()}, the JVM's shutdown hook, or a thread started for a fatal error, since the loop must not block).
 */
public final class HubServer implements PluginServer {

  private static final Logger log = LoggerFactory.getLogger(HubServer.class);

  private final HubOptions options;
  private final HubConfig config;
  private final PluginDescriptor descriptor;
  private final AuthorResolver.Author author;
  private final DefinitionDocument definition;
  private final RuntimeHttp http;
  private final String topic;
  private final ScheduledThreadPoolExecutor timers;
  private final ExecutorService workers;
  private final boolean ownsWorkers;
  private final PhoenixSocket socket;
  private final PhoenixChannel channel;
  private final HubCalls hubCalls;
  private final Dispatcher dispatcher;

  private final CompletableFuture<Void> termination = new CompletableFuture<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean registeredOnce = new AtomicBoolean();
  private final Thread shutdownHook;
  private volatile Atomemo4jException failure;
  private volatile Thread loopThread;
  private volatile String lastTransportError;
  /** Loop-confined: joins answered ok so far. */
  private int joins;
  private volatile boolean joinedOnce;
  private volatile boolean everConnected;
  /** True while the socket is open: a failed reconnect attempt is not news, losing an open socket is. */
  private volatile boolean connected;
  /** True while the channel is joined; see the phx_error binding. */
  private volatile boolean channelJoined;

  private HubServer(HubOptions o, HubConfig config, PluginDescriptor descriptor, Object pluginObject,
      AuthorResolver.Author author, DefinitionDocument definition, RuntimeHttp http) {
    this.options = o;
    this.config = config;
    this.descriptor = descriptor;
    this.author = author;
    this.definition = definition;
    this.http = http;
    this.topic = config.mode().topic(descriptor.name(), descriptor.version());
    this.timers = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "atomemo4j-timer");
      t.setDaemon(true);
      return t;
    });
    timers.setRemoveOnCancelPolicy(true);
    timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.ownsWorkers = o.executor == null;
    this.workers = ownsWorkers ? WorkerPool.create(o.maxInFlight) : o.executor;

    PhoenixSocket.Builder sb = PhoenixSocket.builder(config.endpoint())
        .heartbeatInterval(o.heartbeatInterval)
        .pushTimeout(o.pushTimeout)
        .reconnectBackoff(o.reconnectBackoff)
        .rejoinBackoff(o.rejoinBackoff)
        .client(http.socket())
        .listener(new Listener());
    if (config.apiKey() != null) {
      sb.param("api_key", config.apiKey());
    }
    this.socket = sb.build();
    this.channel = socket.channel(topic);
    this.hubCalls = new HubCalls(channel, timers, o.pushTimeout, o.hubCallTimeout);
    FrameLog frames = new FrameLog(config.debugLogging());
    // VALIDATE, then APPROVAL (only auto actions pass: AutoActions), then INVOKE.
    RequestPipeline pipeline = RequestPipeline.builder()
        .add(RequestPipeline.Phase.VALIDATE, new ValidateStage(
            ex -> new HubToolContext(ex.requestId(), ex.organizationId(), hubCalls, http.lazyCalls())))
        .add(RequestPipeline.Phase.APPROVAL, AutoActions.stage(descriptor, pluginObject))
        .add(RequestPipeline.Phase.INVOKE, new InvokeStage())
        .build(workers);
    Duration responseTimeout = o.responsePushTimeout;
    this.dispatcher = new Dispatcher(descriptor, pipeline, workers, timers,
        (event, payload) -> channel.cast(event, payload, responseTimeout), frames, config.apiKey(),
        config.debugStacks(), o.maxInFlight);
    this.shutdownHook = o.shutdownHook ? new Thread(this::close, "atomemo4j-shutdown-hook") : null;
  }

  /**
   * Validates the configuration, resolves the author, connects and joins. Returns at once; registration and
   * serving continue in the background.
   *
   * @throws ConfigException listing every configuration problem
   * @throws Atomemo4jException when no plugin is found or it cannot be created
   */
  public static HubServer start(HubOptions o) {
    PluginRegistry registry = o.registry != null ? o.registry
        : o.pluginClass != null ? RegistryLoader.loadFor(o.pluginClass)
            : RegistryLoader.loadSingle(Thread.currentThread().getContextClassLoader());
    PluginDescriptor descriptor = RegistryLoader.describe(registry, o.toolFactory);
    Object pluginObject = AutoActions.pluginObject(descriptor, o.pluginConfig);

    List<String> problems = new ArrayList<>();
    HubConfig config = HubConfig.load(o.environment, o.overrides, o.workingDirectory, o.allowInsecure, problems);
    AuthorResolver.Plan plan =
        AuthorResolver.plan(config, o.author, o.email, o.workingDirectory, o.userHome, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    RuntimeHttp http = o.httpClient != null ? RuntimeHttp.given(o.httpClient)
        : RuntimeHttp.forEndpoint(config.endpoint());
    try {
      AuthorResolver.Author author = plan.resolve(http.lazyCalls());
      DefinitionDocument definition = null;
      if (config.mode() == Mode.DEBUG) {
        String generated;
        try {
          generated = descriptor.definitionJson();
        } catch (RuntimeException e) {
          throw new Atomemo4jException(e.getMessage(), e);
        }
        definition = DefinitionDocument.of(generated, author.name(), author.email());
      }
      HubServer server = new HubServer(o, config, descriptor, pluginObject, author, definition, http);
      server.begin();
      return server;
    } catch (RuntimeException e) {
      http.shutDown();
      throw e;
    }
  }

  private void begin() {
    for (RequestKind kind : RequestKind.values()) {
      channel.on(kind.event(), frame -> {
        loopThread = Thread.currentThread();
        dispatcher.onRequest(kind, frame);
      });
    }
    channel.on("hub_call_response", hubCalls::onResponse);
    channel.on("hub_call_error", hubCalls::onError);
    // Unknown events (§8.9) need a catch-all binding; see onOtherEvent. PhoenixChannel delivers "*" bindings only
    // once it supports them; until then unknown events are dropped by the channel, as [JS] does.
    channel.on("*", dispatcher::onOtherEvent);
    channel.on("phx_close", frame -> onChannelClosed());
    // Only a joined channel's loss is news: a socket that never opened, or a refused key, is reported on its own.
    channel.on("phx_error", frame -> {
      if (channelJoined) {
        channelJoined = false;
        log.info("the Hub lost channel {}; rejoining", topic);
      }
    });

    Push join = channel.join(options.pushTimeout);
    join.receive(ReplyStatus.OK, response -> onJoined());
    join.receive(ReplyStatus.ERROR, this::onJoinError);
    join.receive(ReplyStatus.TIMEOUT, response -> onJoinTimeout());
    if (shutdownHook != null) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    log.info("starting plugin {} {} in {} mode: connecting to {}", descriptor.name(), descriptor.version(),
        config.mode().wireName(), socket);
    if (WorkerPool.virtualThreadsAvailable() && ownsWorkers) {
      log.debug("requests run on virtual threads");
    }
    socket.connect();
    // Phoenix keeps a join pending across failed connection attempts (each failure resets its timeout), so an
    // unreachable Hub would never time the first join out: bound the start-up by the join timeout ourselves.
    timers.schedule(() -> {
      if (!joinedOnce) {
        onJoinTimeout();
      }
    }, options.pushTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  // --- channel lifecycle (socket loop) ------------------------------------------------------------------------------

  private void onJoined() {
    loopThread = Thread.currentThread();
    int generation = ++joins;
    joinedOnce = true;
    channelJoined = true;
    hubCalls.markJoined();
    if (config.mode() == Mode.DEBUG) {
      register(generation);
    } else if (generation == 1) {
      ready.complete(null);
      log.info("joined {}; serving requests", topic);
    } else {
      log.info("rejoined {}", topic);
    }
  }

  /** §7: on every join; an error reply is fatal, and so is a timeout while the connection is up. */
  private void register(int generation) {
    Push push = channel.pushJson("register_plugin", definition.payloadJson(), options.pushTimeout);
    push.receive(ReplyStatus.OK, response -> onRegistered(generation));
    push.receive(ReplyStatus.ERROR, response -> fatal("the Hub refused to register plugin " + descriptor.name()
        + " " + descriptor.version() + ": " + describeError(response)));
    push.receive(ReplyStatus.TIMEOUT, response -> {
      if (generation != joins) {
        return; // superseded by a later join, which registers again
      }
      if (socket.isConnected()) {
        fatal("the Hub did not answer register_plugin within " + Durations.describe(options.pushTimeout));
      } else {
        log.warn("register_plugin timed out while disconnected; registering again after the next join");
      }
    });
  }

  private void onRegistered(int generation) {
    if (registeredOnce.compareAndSet(false, true)) {
      log.info("registered plugin {} {} by {} <{}> with the Hub; serving requests", descriptor.name(),
          descriptor.version(), author.name(), author.email());
      // Unlike the JS SDK, no definition.json is written here: the committed release file is written by
      // `mvn atomemo4j:export` only, so a debug run (with whoever's login) can never replace or invent it.
      ready.complete(null);
    } else {
      log.info("registered plugin {} again after rejoin #{}", descriptor.name(), generation - 1);
    }
  }

  private void onJoinError(JsonNode response) {
    if (!joinedOnce) {
      fatal("the Hub refused to join " + topic + ": " + describeError(response));
    } else {
      log.warn("the Hub refused the rejoin of {}: {}; retrying", topic, describeError(response));
    }
  }

  /** On the loop (the join push timed out) or on the timer thread (the start-up deadline passed). */
  private void onJoinTimeout() {
    if (!joinedOnce) {
      String cause = lastTransportError;
      fatal("could not join " + topic + " within " + Durations.describe(options.pushTimeout)
          + (everConnected ? " (connected, but the Hub did not answer the join)"
              : cause != null ? " (the connection failed: " + cause + ")" : " (no connection to the Hub)")
          + "; check HUB_WS_URL (" + Redaction.redact(config.baseUrl()) + ") and that the Hub is reachable");
    } else {
      log.warn("rejoin of {} timed out; retrying", topic);
    }
  }

  private void onChannelClosed() {
    if (!closing.get()) {
      fatal("the Hub closed channel " + topic + " (another instance of this plugin may have joined it)");
    }
  }

  private final class Listener implements SocketListener {
    @Override
    public void onOpen() {
      loopThread = Thread.currentThread();
      if (everConnected) {
        log.info("reconnected to {}", socket);
      } else {
        log.info("connected to {}", socket);
      }
      everConnected = true;
      connected = true;
      lastTransportError = null;
    }

    @Override
    public void onClose(int code, String reason) {
      boolean wasConnected = connected;
      connected = false;
      if (closing.get()) {
        return;
      }
      // phoenix.js does not reconnect after a server close with 1000 (the heartbeat timeout, also 1000, does).
      if (code == 1000 && !"heartbeat timeout".equals(reason)) {
        fatal("the Hub closed the connection (code 1000" + (reason == null || reason.isEmpty() ? "" : ", " + reason)
            + ")");
      } else if (wasConnected) {
        log.warn("connection to the Hub lost (code {}); reconnecting", code);
      }
    }

    @Override
    public void onTransportError(String redactedMessage) {
      lastTransportError = redactedMessage;
    }

    @Override
    public void onCertificateRefused(String redactedMessage) {
      fatal("the TLS certificate of the Hub at " + Redaction.redact(config.baseUrl()) + " is not trusted ("
          + redactedMessage + "): check HUB_WS_URL, and if the Hub uses a private CA add it to the JVM's trust "
          + "store (javax.net.ssl.trustStore)");
    }

    @Override
    public void onUnparsableFrame(String frameTopic, String event, String requestId) {
      if (topic.equals(frameTopic)) {
        dispatcher.onUnparsable(event, requestId);
      }
    }

    @Override
    public void onUpgradeRefused(int httpStatus) {
      if (config.mode() == Mode.DEBUG) {
        fatal("the Hub refused the connection (HTTP " + httpStatus + "): " + refusedKeyAdvice(config.baseUrl()));
      } else {
        fatal("the Hub refused the connection (HTTP " + httpStatus + ") for release " + descriptor.name() + " "
            + descriptor.version());
      }
    }
  }

  /**
   * What to do about a refused debug key. A Hub on this machine is almost always the atomemo4j dev hub, whose key
   * is the one it printed (the Atomemo CLI's refresh-key would not help there); elsewhere it is the Atomemo Hub.
   */
  static String refusedKeyAdvice(String hubUrl) {
    String host = null;
    try {
      host = java.net.URI.create(hubUrl).getHost();
    } catch (IllegalArgumentException e) {
      // not a URL: give the general advice
    }
    if (host != null && HubConfig.isLoopback(host)) {
      return "the debug API key in HUB_DEBUG_API_KEY is missing or wrong. HUB_WS_URL points at this machine, so this"
          + " is probably an atomemo4j dev hub: copy the HUB_DEBUG_API_KEY that `atomemo4j dev` printed when it"
          + " started (it is also in its data directory, .atomemo4j-devhub/debug-api-key by default). For the"
          + " Atomemo Hub, run `atomemo plugin refresh-key` instead";
    }
    return "the debug API key in HUB_DEBUG_API_KEY is missing or expired. Run `atomemo plugin refresh-key` to get a"
        + " new one (keys are valid for one day)";
  }

  private static String describeError(JsonNode response) {
    if (response == null || !response.isObject() || response.isEmpty()) {
      return "no reason given";
    }
    String code = response.path("code").isTextual() ? response.get("code").textValue() : null;
    String message = response.path("message").isTextual() ? response.get("message").textValue()
        : response.path("reason").isTextual() ? response.get("reason").textValue() : null;
    StringBuilder out = new StringBuilder();
    if (code != null) {
      out.append(code).append(message != null ? ": " : "");
    }
    if (message != null) {
      out.append(message);
    }
    JsonNode sub = response.get("suberrors");
    if (sub != null && !sub.isNull()) {
      String s = sub.toString();
      out.append(out.length() > 0 ? " " : "").append("(suberrors: ")
          .append(s.length() > 1000 ? s.substring(0, 1000) + "…" : s).append(')');
    }
    if (out.length() == 0) {
      String s = response.toString();
      out.append(s.length() > 1000 ? s.substring(0, 1000) + "…" : s);
    }
    return out.toString();
  }

  // --- shutdown -----------------------------------------------------------------------------------------------------

  /** A fatal error: log it, and shut down on a thread of its own (this may run on the loop). */
  private void fatal(String message) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    Atomemo4jException e = new Atomemo4jException(message);
    e.setStackTrace(new StackTraceElement[0]);
    failure = e;
    log.error("{}", message);
    Thread t = new Thread(this::shutDownNow, "atomemo4j-shutdown");
    t.start();
  }

  @Override
  public void close() {
    if (closing.compareAndSet(false, true)) {
      if (Thread.currentThread() == loopThread) {
        new Thread(this::shutDownNow, "atomemo4j-shutdown").start();
        return; // the loop must not wait for the leave it has to process
      }
      shutDownNow();
      return;
    }
    if (Thread.currentThread() == loopThread) {
      return;
    }
    try {
      termination.handle((v, t) -> null).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // cannot happen: handle() never fails
    }
  }

  /** hub-protocol §14, in order. Runs once. */
  private void shutDownNow() {
    boolean interrupted = false;
    try {
      dispatcher.stopAccepting();
      int n = dispatcher.inFlightCount();
      if (n > 0) {
        log.info("shutting down: waiting up to {} for {} request(s) in flight", Durations.describe(
            options.shutdownGrace), n);
      } else {
        log.info("shutting down");
      }
      try {
        if (!dispatcher.awaitAnswered(options.shutdownGrace)) {
          int left = dispatcher.abandonAll(ErrorCodes.SHUTTING_DOWN, "the plugin shut down before the request "
              + "finished (grace period " + Durations.describe(options.shutdownGrace) + ")");
          log.warn("answered {} unfinished request(s) with {}", left, ErrorCodes.SHUTTING_DOWN);
        }
      } catch (InterruptedException e) {
        interrupted = true;
        dispatcher.abandonAll(ErrorCodes.SHUTTING_DOWN, "the plugin shut down before the request finished");
      }
      // Hub calls fail before the interrupts, so a tool waiting on one sees why (sdk:shutting_down).
      hubCalls.failAll("the plugin is shutting down");
      dispatcher.cancelAll();
      CountDownLatch left = new CountDownLatch(1);
      Push leave = channel.leave(options.leaveTimeout);
      leave.receive(ReplyStatus.OK, r -> left.countDown());
      leave.receive(ReplyStatus.ERROR, r -> left.countDown());
      leave.receive(ReplyStatus.TIMEOUT, r -> left.countDown());
      try {
        if (!left.await(options.leaveTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
          log.warn("leaving {} did not complete; closing anyway", topic);
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
      socket.close();
    } catch (RuntimeException e) {
      log.error("unexpected failure while shutting down: {}", Redaction.describe(e));
    } finally {
      if (ownsWorkers) {
        workers.shutdownNow();
      }
      timers.shutdown();
      try {
        timers.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
      http.shutDown();
      if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
          // the JVM is already shutting down
        }
      }
      Atomemo4jException f = failure;
      log.info("plugin {} stopped{}", descriptor.name(), f == null ? "" : " after a fatal error");
      if (f == null) {
        termination.complete(null);
      } else {
        termination.completeExceptionally(f);
      }
      ready.completeExceptionally(f != null ? f : new Atomemo4jException("stopped before it was ready"));
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void awaitTermination() throws InterruptedException {
    try {
      termination.get();
    } catch (ExecutionException e) {
      throw rethrow(e);
    }
  }

  @Override
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    try {
      termination.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw rethrow(e);
    }
  }

  private static Atomemo4jException rethrow(ExecutionException e) {
    Throwable cause = e.getCause();
    return cause instanceof Atomemo4jException ? (Atomemo4jException) cause
        : new Atomemo4jException(String.valueOf(cause), cause);
  }

  @Override
  public CompletionStage<Void> termination() {
    return termination.minimalCompletionStage();
  }

  // --- for tests ----------------------------------------------------------------------------------------------------

  /** Completes after the first join (release) or registration (debug); fails if the server stops first. */
  CompletableFuture<Void> ready() {
    return ready;
  }

  HubConfig config() {
    return config;
  }

  Dispatcher dispatcher() {
    return dispatcher;
  }

  HubCalls hubCalls() {
    return hubCalls;
  }

  @Override
  public String toString() {
    return "PluginServer[" + descriptor.name() + " " + descriptor.version() + ", " + config.mode().wireName()
        + ", " + socket + "]";
  }
}
