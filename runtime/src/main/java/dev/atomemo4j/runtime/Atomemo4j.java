package dev.atomemo4j.runtime;

import dev.atomemo4j.runtime.internal.hub.HubOptions;
import dev.atomemo4j.runtime.internal.hub.HubServer;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import okhttp3.OkHttpClient;

/**
 * Runs a plugin: connects it to the Atomemo Plugin Hub and serves the Hub's requests with the code the annotation
 * processor generated for it.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   Atomemo4j.run();
 * }
 * }</pre>
 *
 * <h2>Configuration</h2>
 *
 * Read from the environment, and from {@code ./.env} for variables the environment does not set (the Atomemo CLI
 * writes that file):
 *
 * <ul>
 *   <li>{@code HUB_WS_URL}: the Hub's WebSocket URL, required, e.g. {@code wss://plugin-hub.atomemo.ai};
 *       unencrypted {@code ws://} is accepted for this machine only, unless {@code ATOMEMO4J_ALLOW_INSECURE=true};
 *   <li>{@code HUB_MODE}: {@code debug} (the default: you run the plugin and it registers itself) or
 *       {@code release} (the Hub runs a published version);
 *   <li>{@code HUB_DEBUG_API_KEY}: required in debug mode; {@code atomemo plugin refresh-key} writes a fresh one;
 *   <li>{@code DEBUG}: {@code true} logs every request and answer (with secrets masked) and adds stack traces to
 *       the errors sent to the Hub;
 *   <li>{@code ATOMEMO4J_AUTHOR} and {@code ATOMEMO4J_EMAIL}: the author to register, instead of looking it up in
 *       your Atomemo login (debug) or in {@code ./definition.json} (release); handy in CI.
 * </ul>
 *
 * <h2>Running</h2>
 *
 * Requests are served concurrently, on virtual threads when the JVM has them (Java 21+), otherwise on a pool of
 * platform threads that reuses idle ones first and grows, for tools that block, to as many as requests are in
 * flight; at most {@value HubOptions#DEFAULT_MAX_IN_FLIGHT} at once by default, and requests beyond that are
 * answered {@code sdk:overloaded} at once. SIGINT and SIGTERM shut the plugin down gracefully
 * (see {@link PluginServer}).
 */
public final class Atomemo4j {

  private Atomemo4j() {}

  /**
   * Runs the only plugin on the class path until the JVM is stopped. On a configuration problem or a fatal error
   * (an expired debug key, a refused registration) it prints what is wrong and what to do, and exits with status 1.
   */
  public static void run() {
    runAndExit(builder());
  }

  /** Like {@link #run()}, for the plugin declared by {@code pluginClass} (the class annotated with {@code @Plugin}). */
  public static void run(Class<?> pluginClass) {
    runAndExit(builder().plugin(pluginClass));
  }

  /** A builder, for tests, tools, and applications that embed a plugin. */
  public static Builder builder() {
    return new Builder();
  }

  private static void runAndExit(Builder builder) {
    PluginServer server;
    try {
      server = builder.start();
    } catch (Atomemo4jException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    try {
      server.awaitTermination();
    } catch (Atomemo4jException e) {
      System.err.println("atomemo4j stopped: " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
  }

  /**
   * Configures and starts a plugin server. Every setting is optional; without any, it behaves exactly like
   * {@link Atomemo4j#run()} except that it returns the running server instead of blocking, and throws instead of
   * exiting.
   */
  public static final class Builder {
    private final HubOptions options = new HubOptions();

    private Builder() {}

    /** The plugin to run: the class annotated with {@code @Plugin}. Default: the only one on the class path. */
    public Builder plugin(Class<?> pluginClass) {
      options.pluginClass(pluginClass);
      return this;
    }

    /**
     * Where the instances of tool classes come from: the factory first, then each class's public no-argument
     * constructor. Lets tool classes take clients, configuration and secrets through their constructors, e.g.
     * {@code toolFactory(applicationContext::getBean)} or {@code toolFactory(ToolFactory.of(new MyTools(client)))}.
     * Asked once per tool class at start; a class that neither the factory nor a no-argument constructor can give
     * fails start-up with {@code sdk:no_tool_instance}.
     */
    public Builder toolFactory(ToolFactory factory) {
      options.toolFactory(factory);
      return this;
    }

    /**
     * The config record of an Atlas plugin whose {@code auto} actions the Hub calls as tools: they run on the plugin
     * object, created once at start with this config, validated by the generated validator (a violation fails
     * start-up, listing every problem). Needed only when the plugin takes config and declares an auto action.
     */
    public Builder pluginConfig(Object config) {
      options.pluginConfig(config);
      return this;
    }

    /** The plugin to run, as a registry instance (for tests and hand-built registries). */
    public Builder registry(PluginRegistry registry) {
      options.registry(registry);
      return this;
    }

    /** Replaces the process environment as the source of configuration ({@code ./.env} is still read). */
    public Builder environment(Map<String, String> environment) {
      options.environment(environment);
      return this;
    }

    /** Sets one configuration variable, e.g. {@code config("HUB_MODE", "release")}; wins over everything else. */
    public Builder config(String key, String value) {
      options.override(key, value);
      return this;
    }

    /** Where {@code .env} is read and {@code definition.json} is read (release) or written (debug). */
    public Builder workingDirectory(Path directory) {
      options.workingDirectory(directory);
      return this;
    }

    /** The author and email to register, instead of looking them up (hub-protocol §13). */
    public Builder author(String name, String email) {
      options.author(name, email);
      return this;
    }

    /** Allows unencrypted {@code ws://} to a host other than this machine. Default false. */
    public Builder allowInsecureWebSocket(boolean allow) {
      options.allowInsecure(allow);
      return this;
    }

    /** The most requests served at once; more are answered {@code sdk:overloaded}. Default 256. */
    public Builder maxInFlight(int max) {
      options.maxInFlight(max);
      return this;
    }

    /**
     * Runs requests on {@code executor} instead of the runtime's own (virtual threads on Java 21+, a bounded
     * platform pool before). The executor must run tasks without queueing them behind each other; it is not shut
     * down by the server.
     */
    public Builder executor(ExecutorService executor) {
      options.executor(executor);
      return this;
    }

    /** How long requests in flight may still finish at shutdown before they are answered with an error. Default 5 s. */
    public Builder shutdownGracePeriod(Duration grace) {
      options.shutdownGrace(grace);
      return this;
    }

    /** The Phoenix heartbeat interval. Default 30 s, as the official SDKs. */
    public Builder heartbeatInterval(Duration interval) {
      options.heartbeatInterval(interval);
      return this;
    }

    /**
     * The HTTP client for the WebSocket, the OneAuth lookup and file transfers, e.g. one with a proxy. It is
     * shared, not shut down by the server. TLS certificates are verified as the client is configured to.
     */
    public Builder httpClient(OkHttpClient client) {
      options.httpClient(client);
      return this;
    }

    /** Whether SIGINT/SIGTERM shut the server down gracefully (a JVM shutdown hook). Default true. */
    public Builder shutdownHook(boolean install) {
      options.shutdownHook(install);
      return this;
    }

    /**
     * Validates the configuration, looks up the author, connects to the Hub and returns the running server.
     * Registration (debug mode) and serving continue in the background; a fatal error later completes
     * {@link PluginServer#termination()} exceptionally.
     *
     * @throws ConfigException listing every configuration problem
     * @throws Atomemo4jException when no plugin is found or it cannot be created
     */
    public PluginServer start() {
      return HubServer.start(options);
    }
  }
}
