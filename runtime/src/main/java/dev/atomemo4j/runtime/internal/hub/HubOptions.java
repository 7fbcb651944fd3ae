package dev.atomemo4j.runtime.internal.hub;

import dev.atomemo4j.runtime.ToolFactory;
import dev.atomemo4j.runtime.internal.phoenix.Backoff;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import okhttp3.OkHttpClient;

/**
 * Everything {@link HubServer#start} needs, with the defaults of hub-protocol.md. The public
 * {@code Atomemo4j.Builder} fills in what authors may change; tests also set the protocol timings.
 */
public final class HubOptions {

  /** Default cap on requests served at once. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 256;
  /** Default time in-flight requests get to finish at shutdown. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

  PluginRegistry registry;
  Class<?> pluginClass;
  ToolFactory toolFactory;
  Object pluginConfig;
  Map<String, String> environment = System.getenv();
  final Map<String, String> overrides = new LinkedHashMap<>();
  Path workingDirectory = Path.of("").toAbsolutePath();
  Path userHome = Path.of(System.getProperty("user.home", "."));
  String author;
  String email;
  boolean allowInsecure;
  int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
  ExecutorService executor;
  Duration shutdownGrace = DEFAULT_GRACE;
  Duration heartbeatInterval = Duration.ofSeconds(30);
  OkHttpClient httpClient;
  boolean shutdownHook = true;
  // Protocol timings (hub-protocol §3–5); only tests change them.
  Duration pushTimeout = Duration.ofSeconds(10);
  Duration responsePushTimeout = Duration.ofSeconds(30);
  Duration leaveTimeout = Duration.ofSeconds(10);
  Duration hubCallTimeout = HubCalls.DEFAULT_TIMEOUT;
  Backoff reconnectBackoff = Backoff.RECONNECT;
  Backoff rejoinBackoff = Backoff.REJOIN;

  public HubOptions registry(PluginRegistry value) {
    this.registry = Objects.requireNonNull(value, "registry");
    return this;
  }

  public HubOptions pluginConfig(Object value) {
    this.pluginConfig = Objects.requireNonNull(value, "pluginConfig");
    return this;
  }

  public HubOptions toolFactory(ToolFactory value) {
    this.toolFactory = Objects.requireNonNull(value, "toolFactory");
    return this;
  }

  public HubOptions pluginClass(Class<?> value) {
    this.pluginClass = Objects.requireNonNull(value, "pluginClass");
    return this;
  }

  public HubOptions environment(Map<String, String> value) {
    this.environment = Map.copyOf(Objects.requireNonNull(value, "environment"));
    return this;
  }

  public HubOptions override(String key, String value) {
    overrides.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }

  public HubOptions workingDirectory(Path value) {
    this.workingDirectory = Objects.requireNonNull(value, "workingDirectory").toAbsolutePath();
    return this;
  }

  public HubOptions userHome(Path value) {
    this.userHome = Objects.requireNonNull(value, "userHome");
    return this;
  }

  public HubOptions author(String name, String emailAddress) {
    this.author = Objects.requireNonNull(name, "author");
    this.email = Objects.requireNonNull(emailAddress, "email");
    return this;
  }

  public HubOptions allowInsecure(boolean value) {
    this.allowInsecure = value;
    return this;
  }

  public HubOptions maxInFlight(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1: " + value);
    }
    this.maxInFlight = value;
    return this;
  }

  public HubOptions executor(ExecutorService value) {
    this.executor = Objects.requireNonNull(value, "executor");
    return this;
  }

  public HubOptions shutdownGrace(Duration value) {
    this.shutdownGrace = nonNegative(value);
    return this;
  }

  public HubOptions heartbeatInterval(Duration value) {
    this.heartbeatInterval = positive(value);
    return this;
  }

  public HubOptions httpClient(OkHttpClient value) {
    this.httpClient = Objects.requireNonNull(value, "httpClient");
    return this;
  }

  public HubOptions shutdownHook(boolean value) {
    this.shutdownHook = value;
    return this;
  }

  HubOptions pushTimeout(Duration value) {
    this.pushTimeout = positive(value);
    return this;
  }

  HubOptions responsePushTimeout(Duration value) {
    this.responsePushTimeout = positive(value);
    return this;
  }

  HubOptions leaveTimeout(Duration value) {
    this.leaveTimeout = positive(value);
    return this;
  }

  HubOptions hubCallTimeout(Duration value) {
    this.hubCallTimeout = positive(value);
    return this;
  }

  HubOptions reconnectBackoff(Backoff value) {
    this.reconnectBackoff = Objects.requireNonNull(value, "backoff");
    return this;
  }

  HubOptions rejoinBackoff(Backoff value) {
    this.rejoinBackoff = Objects.requireNonNull(value, "backoff");
    return this;
  }

  private static Duration positive(Duration d) {
    Objects.requireNonNull(d, "duration");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("duration must be positive: " + d);
    }
    return d;
  }

  private static Duration nonNegative(Duration d) {
    Objects.requireNonNull(d, "duration");
    if (d.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + d);
    }
    return d;
  }
}
