package dev.atomemo4j.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.atomemo4j.core.lifecycle.CallKind;
import dev.atomemo4j.core.lifecycle.ConfigInput;
import dev.atomemo4j.core.lifecycle.ConfigValidator;
import dev.atomemo4j.core.lifecycle.InvalidConfigException;
import dev.atomemo4j.core.lifecycle.PluginSpec;
import dev.atomemo4j.runtime.spi.ConfigViolation;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host file ({@code host.yaml}), read with jackson-dataformat-yaml; the format is documented in host/API.md
 * ("The host file"). Problems in the file (unknown keys, unknown plugins, undefined environment variables, bad
 * durations) are collected, not thrown, and reported by {@link PluginHost.Builder#start()} in the same
 * {@link InvalidConfigException} as the plugins' config problems: the operator sees everything at once.
 *
 * <pre>{@code
 * http:
 *   host: 127.0.0.1        # default; the admin API has no login
 *   port: 8787             # 0 = an ephemeral port; omit the http block for no admin API
 *   adminApi: true         # false: serve the plugins' routes (/plugins/<id>/) only
 *   maxBodyBytes: 1048576  # the cap on a plugin route's request body
 * health:
 *   interval: 60s
 *   cacheTtl: 15s          # at most 300s
 * deadlines:               # host defaults per call kind, and the cap on every deadline
 *   initialize: 30s
 *   maximum: 10m
 * closeDeadline: 30s
 * plugins:
 *   - plugin: tickets      # a @Plugin(name) among the registries on the classpath
 *     config:
 *       apiUrl: https://tickets.example.com
 *       apiKey: ${TICKETS_API_KEY}
 *     timeouts:
 *       health: 2s
 *   - registry: com.acme.glossary.GlossaryPluginRegistry   # or the generated registry's class
 *     enabled: false
 * }</pre>
 */
public final class HostFile {
  static final String UNKNOWN_KEY = "host:unknown_key";
  static final String UNKNOWN_PLUGIN = "host:unknown_plugin_name";
  static final String INVALID_SETTING = "host:invalid_setting";
  static final String UNREADABLE = "host:unreadable_file";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
  private static final Set<String> TOP_KEYS = Set.of("http", "health", "deadlines", "closeDeadline", "actions",
      "plugins", "explore", "database", "queries");
  private static final Set<String> PLUGIN_KEYS = Set.of("plugin", "registry", "enabled", "config", "timeouts",
      "credentials");
  private static final Set<String> ACTION_KEYS = Set.of("database", "hostId", "secretKey", "expiry",
      "forbidSelfApproval", "approval");

  private final List<PluginSpec> plugins = new ArrayList<>();
  private final List<ConfigViolation> problems = new ArrayList<>();
  private final Map<CallKind, Duration> deadlineDefaults = new EnumMap<>(CallKind.class);
  private Duration maxDeadline;
  private Duration closeDeadline;
  private Duration healthInterval;
  private Duration healthCacheTtl;
  private dev.atomemo4j.host.query.QuerySettings querySettings;
  private Integer httpPort;
  private String httpHost;
  private Boolean httpAdminApi;
  private Integer httpMaxBody;
  private String actionDatabase;
  private dev.atomemo4j.host.actions.ActionSettings actionSettings;
  private dev.atomemo4j.host.explore.ExploreSettings exploreSettings;
  private final Map<String, dev.atomemo4j.annotations.Approval> approvalOverrides = new java.util.LinkedHashMap<>();
  private final Map<String, Map<String, JsonNode>> credentials = new java.util.LinkedHashMap<>();

  private HostFile() {}

  /** The variable every host file can use for its own directory, so paths beside it need not be absolute. */
  public static final String HOST_FILE_DIR = "HOST_FILE_DIR";

  /**
   * Reads a host file; {@code env} resolves {@code ${VAR}} references (pass {@code System.getenv()}), and
   * {@code ${HOST_FILE_DIR}} is the file's own directory (absolute) unless {@code env} sets it.
   *
   * @throws InvalidConfigException {@code host:invalid_config} only when the file cannot be read or is not YAML;
   *     every other problem waits for {@link PluginHost.Builder#start()}
   */
  public static HostFile read(Path file, Map<String, String> env) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidConfigException(List.of(new ConfigViolation(file.toString(), UNREADABLE,
          "cannot read the host file: " + e)));
    }
    Map<String, String> withDir = env;
    Path dir = file.toAbsolutePath().normalize().getParent();
    if (dir != null && !env.containsKey(HOST_FILE_DIR)) {
      withDir = new java.util.HashMap<>(env);
      withDir.put(HOST_FILE_DIR, dir.toString());
    }
    return parse(text, file.toString(), withDir, Thread.currentThread().getContextClassLoader());
  }

  /** Parses host-file text; {@code source} names it in messages; registries are looked up in {@code loader}. */
  public static HostFile parse(String yaml, String source, Map<String, String> env, ClassLoader loader) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new InvalidConfigException(List.of(new ConfigViolation(source, UNREADABLE,
          "is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""))));
    }
    HostFile file = new HostFile();
    file.load(root, new EnvReferences(env), loader == null ? HostFile.class.getClassLoader() : loader);
    return file;
  }

  private void load(JsonNode root, EnvReferences refs, ClassLoader loader) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      return;
    }
    if (!root.isObject()) {
      problems.add(new ConfigViolation("(root)", INVALID_SETTING, "the host file must be a mapping with `plugins:`"));
      return;
    }
    unknownKeys(root, "", TOP_KEYS);
    JsonNode http = refs.resolve(root.get("http"), "http", problems);
    if (http != null && !http.isNull()) {
      if (!http.isObject()) {
        problems.add(new ConfigViolation("http", INVALID_SETTING, "must be a mapping with `host` and `port`"));
      } else {
        unknownKeys(http, "http", Set.of("host", "port", "adminApi", "maxBodyBytes"));
        httpHost = text(http.get("host"), "http.host");
        httpPort = port(http.get("port"), "http.port");
        httpAdminApi = flag(http.get("adminApi"), "http.adminApi");
        httpMaxBody = bytes(http.get("maxBodyBytes"), "http.maxBodyBytes");
        if (httpPort == null && http.get("port") == null) {
          httpPort = 0;
        }
      }
    }
    JsonNode health = refs.resolve(root.get("health"), "health", problems);
    if (health != null && health.isObject()) {
      unknownKeys(health, "health", Set.of("interval", "cacheTtl"));
      healthInterval = duration(health.get("interval"), "health.interval");
      healthCacheTtl = duration(health.get("cacheTtl"), "health.cacheTtl");
      if (healthCacheTtl != null && healthCacheTtl.compareTo(Duration.ofSeconds(300)) > 0) {
        problems.add(new ConfigViolation("health.cacheTtl", INVALID_SETTING, "must be at most 300s"));
        healthCacheTtl = null;
      }
    }
    JsonNode deadlines = refs.resolve(root.get("deadlines"), "deadlines", problems);
    if (deadlines != null && deadlines.isObject()) {
      deadlines.properties().forEach(e -> {
        String path = "deadlines." + e.getKey();
        if (e.getKey().equals("maximum")) {
          maxDeadline = duration(e.getValue(), path);
          return;
        }
        CallKind kind = CallKind.ofWireName(e.getKey());
        if (kind == null) {
          problems.add(new ConfigViolation(path, UNKNOWN_KEY, "unknown deadline `" + e.getKey() + "`; expected "
              + "maximum or one of: " + kinds()));
          return;
        }
        Duration d = duration(e.getValue(), path);
        if (d != null) {
          deadlineDefaults.put(kind, d);
        }
      });
    }
    closeDeadline = duration(refs.resolve(root.get("closeDeadline"), "closeDeadline", problems), "closeDeadline");
    actions(refs.resolve(root.get("actions"), "actions", problems));
    JsonNode explore = refs.resolve(root.get("explore"), "explore", problems);
    if (explore != null && explore.isObject()) {
      unknownKeys(explore, "explore", ExploreSection.KEYS);
    }
    exploreSettings = ExploreSection.read(explore, problems, this::text, this::duration);
    // The storage database of actions and plugin tables; actions.database is its older name.
    String storage = text(refs.resolve(root.get("database"), "database", problems), "database");
    if (storage != null) {
      if (actionDatabase != null) {
        problems.add(new ConfigViolation("database", INVALID_SETTING, "set either database or actions.database "
            + "(its older name), not both"));
      }
      actionDatabase = storage;
    }
    queries(refs.resolve(root.get("queries"), "queries", problems));
    JsonNode list = root.get("plugins");
    if (list == null || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      problems.add(new ConfigViolation("plugins", INVALID_SETTING, "must be a list of plugin entries"));
      return;
    }
    Registries registries = new Registries(loader);
    for (int i = 0; i < list.size(); i++) {
      plugin(list.get(i), i, refs, registries);
    }
  }

  /** The {@code queries:} section: the datasource queries' row limit and timeout. */
  private void queries(JsonNode node) {
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isObject()) {
      problems.add(new ConfigViolation("queries", INVALID_SETTING, "must be a mapping with `rowLimit` and "
          + "`timeout`"));
      return;
    }
    unknownKeys(node, "queries", Set.of("rowLimit", "timeout"));
    dev.atomemo4j.host.query.QuerySettings settings = dev.atomemo4j.host.query.QuerySettings.defaults();
    JsonNode limit = node.get("rowLimit");
    if (limit != null) {
      int n = limit.canConvertToInt() ? limit.asInt() : limit.isTextual() ? parseInt(limit.asText()) : -1;
      if (n < 1) {
        problems.add(new ConfigViolation("queries.rowLimit", INVALID_SETTING, "must be a whole number of rows, "
            + "at least 1"));
      } else {
        settings = settings.withRowLimit(n);
      }
    }
    Duration timeout = duration(node.get("timeout"), "queries.timeout");
    if (timeout != null) {
      if (timeout.isZero()) {
        problems.add(new ConfigViolation("queries.timeout", INVALID_SETTING, "must be positive"));
      } else {
        settings = settings.withTimeout(timeout);
      }
    }
    querySettings = settings;
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The {@code actions:} section: the store, this host's id and sealing key, expiry, approval overrides. */
  private void actions(JsonNode node) {
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isObject()) {
      problems.add(new ConfigViolation("actions", INVALID_SETTING, "must be a mapping"));
      return;
    }
    unknownKeys(node, "actions", ACTION_KEYS);
    dev.atomemo4j.host.actions.ActionSettings settings = dev.atomemo4j.host.actions.ActionSettings.defaults();
    actionDatabase = text(node.get("database"), "actions.database");
    String hostId = text(node.get("hostId"), "actions.hostId");
    if (hostId != null) {
      settings = settings.withHostId(hostId);
    }
    String key = text(node.get("secretKey"), "actions.secretKey");
    if (key != null) {
      byte[] bytes = null;
      try {
        bytes = java.util.Base64.getDecoder().decode(key);
      } catch (IllegalArgumentException e) {
        // reported below; the value is a secret and is never quoted
      }
      if (bytes == null || bytes.length != 32) {
        problems.add(new ConfigViolation("actions.secretKey", INVALID_SETTING, "must be 32 bytes in base64 (e.g. "
            + "`openssl rand -base64 32`); the value is not shown"));
      } else {
        settings = settings.withSecretKey(bytes);
      }
    }
    Duration expiry = duration(node.get("expiry"), "actions.expiry");
    if (expiry != null) {
      settings = settings.withExpiry(expiry);
    }
    JsonNode self = node.get("forbidSelfApproval");
    if (self != null && !self.isNull()) {
      if (self.isBoolean()) {
        settings = settings.withForbidSelfApproval(self.booleanValue());
      } else {
        problems.add(new ConfigViolation("actions.forbidSelfApproval", INVALID_SETTING, "must be true or false"));
      }
    }
    JsonNode approval = node.get("approval");
    if (approval != null && approval.isObject()) {
      approval.properties().forEach(e -> {
        String path = "actions.approval." + e.getKey();
        dev.atomemo4j.annotations.Approval mode = e.getValue().isTextual()
            ? dev.atomemo4j.annotations.Approval.ofWireName(e.getValue().asText()) : null;
        if (!e.getKey().contains("/")) {
          problems.add(new ConfigViolation(path, INVALID_SETTING, "keys are `<plugin>/<action name>` or "
              + "`<plugin>/<action type>`"));
        } else if (mode == null) {
          problems.add(new ConfigViolation(path, INVALID_SETTING, "must be one of: manual, admin-only, auto"));
        } else {
          approvalOverrides.put(e.getKey(), mode);
        }
      });
    } else if (approval != null && !approval.isNull()) {
      problems.add(new ConfigViolation("actions.approval", INVALID_SETTING, "must be a mapping of "
          + "`<plugin>/<action>` to manual, admin-only or auto"));
    }
    actionSettings = settings;
  }

  private void plugin(JsonNode entry, int index, EnvReferences refs, Registries registries) {
    String at = "plugins[" + index + "]";
    if (entry == null || !entry.isObject()) {
      problems.add(new ConfigViolation(at, INVALID_SETTING, "must be a mapping with `plugin:` or `registry:`"));
      return;
    }
    unknownKeys(entry, at, PLUGIN_KEYS);
    String name = text(entry.get("plugin"), at + ".plugin");
    String registryClass = text(entry.get("registry"), at + ".registry");
    PluginRegistry registry;
    if (name != null && registryClass != null) {
      problems.add(new ConfigViolation(at, INVALID_SETTING, "give `plugin` or `registry`, not both"));
      return;
    } else if (name != null) {
      registry = registries.byName.get(name);
      if (registry == null) {
        String suggestion = ConfigValidator.closestName(name,
            new ArrayList<>(registries.byName.keySet()));
        problems.add(new ConfigViolation(at + ".plugin", UNKNOWN_PLUGIN, "no plugin named `" + name
            + "` on the classpath" + (suggestion == null ? "" : " (did you mean `" + suggestion + "`?)")
            + "; found: " + (registries.byName.isEmpty() ? "none" : String.join(", ", registries.byName.keySet()))
            + registries.brokenNote()));
        return;
      }
    } else if (registryClass != null) {
      registry = registries.byClass.get(registryClass);
      if (registry == null) {
        problems.add(new ConfigViolation(at + ".registry", UNKNOWN_PLUGIN, "no registry class `" + registryClass
            + "` among the registries on the classpath (META-INF/services/" + PluginRegistry.class.getName()
            + "); found: " + (registries.byClass.isEmpty() ? "none" : String.join(", ", registries.byClass.keySet()))));
        return;
      }
    } else {
      problems.add(new ConfigViolation(at, INVALID_SETTING, "needs `plugin: <name>` or `registry: <class>`"));
      return;
    }
    String base = "plugins." + registry.descriptor().name();
    boolean enabled = true;
    JsonNode enabledNode = refs.resolve(entry.get("enabled"), base + ".enabled", problems);
    if (enabledNode != null && !enabledNode.isNull()) {
      if (enabledNode.isBoolean()) {
        enabled = enabledNode.booleanValue();
      } else if (enabledNode.isTextual() && (enabledNode.textValue().equals("true")
          || enabledNode.textValue().equals("false"))) {
        enabled = Boolean.parseBoolean(enabledNode.textValue());
      } else {
        problems.add(new ConfigViolation(base + ".enabled", INVALID_SETTING, "must be true or false"));
      }
    }
    Map<CallKind, Duration> timeouts = new LinkedHashMap<>();
    JsonNode timeoutsNode = refs.resolve(entry.get("timeouts"), base + ".timeouts", problems);
    if (timeoutsNode != null && timeoutsNode.isObject()) {
      timeoutsNode.properties().forEach(e -> {
        CallKind kind = CallKind.ofWireName(e.getKey());
        String path = base + ".timeouts." + e.getKey();
        if (kind == null) {
          problems.add(new ConfigViolation(path, UNKNOWN_KEY, "unknown call kind `" + e.getKey()
              + "`; expected one of: " + kinds()));
        } else {
          Duration d = duration(e.getValue(), path);
          if (d != null) {
            timeouts.put(kind, d);
          }
        }
      });
    } else if (timeoutsNode != null && !timeoutsNode.isNull()) {
      problems.add(new ConfigViolation(base + ".timeouts", INVALID_SETTING, "must be a mapping of call kind to "
          + "duration"));
    }
    String configBase = base + ".config";
    JsonNode config = refs.resolve(entry.get("config"), configBase, problems);
    // Values from the environment are never quoted in config problems, even in fields not marked secret.
    Set<String> fromEnvironment = new HashSet<>();
    for (String path : refs.substitutedPaths()) {
      if (path.startsWith(configBase + ".")) {
        String rest = path.substring(configBase.length() + 1);
        fromEnvironment.add(rest.split("[.\\[]", 2)[0]);
      }
    }
    plugins.add(new PluginSpec(registry.descriptor(), ConfigInput.tree(config, fromEnvironment), enabled,
        timeouts));
    JsonNode creds = refs.resolve(entry.get("credentials"), base + ".credentials", problems);
    if (creds != null && creds.isObject()) {
      Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
      creds.properties().forEach(e -> {
        if (e.getValue().isObject()) {
          byName.put(e.getKey(), e.getValue());
        } else {
          problems.add(new ConfigViolation(base + ".credentials." + e.getKey(), INVALID_SETTING, "must be a "
              + "mapping of the credential's values; the value is not shown"));
        }
      });
      credentials.put(registry.descriptor().name(), byName);
    } else if (creds != null && !creds.isNull()) {
      problems.add(new ConfigViolation(base + ".credentials", INVALID_SETTING, "must be a mapping of credential "
          + "name to its values"));
    }
  }

  // ---- what it says ----------------------------------------------------------------------------------------------

  /** The plugins, in file order. */
  public List<PluginSpec> plugins() {
    return List.copyOf(plugins);
  }

  /** The file's own problems (the plugins' configs are checked at start). */
  public List<ConfigViolation> problems() {
    return List.copyOf(problems);
  }

  /** A builder with everything the file says; add listeners or override settings, then {@code start()}. */
  public PluginHost.Builder toBuilder() {
    PluginHost.Builder builder = PluginHost.builder().problems(problems);
    plugins.forEach(builder::plugin);
    deadlineDefaults.forEach(builder::deadline);
    if (maxDeadline != null) {
      builder.maxDeadline(maxDeadline);
    }
    if (closeDeadline != null) {
      builder.closeDeadline(closeDeadline);
    }
    if (healthInterval != null) {
      builder.healthInterval(healthInterval);
    }
    if (healthCacheTtl != null) {
      builder.healthCacheTtl(healthCacheTtl);
    }
    if (httpHost != null) {
      builder.adminHost(httpHost);
    }
    if (httpPort != null) {
      builder.adminPort(httpPort);
    }
    if (httpAdminApi != null) {
      builder.adminApi(httpAdminApi);
    }
    if (httpMaxBody != null) {
      builder.maxRouteBodyBytes(httpMaxBody);
    }
    dev.atomemo4j.host.actions.ActionSettings settings = actionSettings != null ? actionSettings
        : dev.atomemo4j.host.actions.ActionSettings.defaults();
    builder.actionSettings(settings.withOverrides(approvalOverrides).withCredentials(credentials));
    if (actionDatabase != null) {
      builder.database(actionDatabase);
    }
    if (exploreSettings != null) {
      builder.exploreSettings(exploreSettings);
    }
    if (querySettings != null) {
      builder.querySettings(querySettings);
    }
    return builder;
  }

  // ---- small parsers ---------------------------------------------------------------------------------------------

  private void unknownKeys(JsonNode node, String path, Set<String> known) {
    node.fieldNames().forEachRemaining(key -> {
      if (!known.contains(key)) {
        List<String> sorted = new ArrayList<>(known);
        sorted.sort(null);
        String suggestion = ConfigValidator.closestName(key, sorted);
        problems.add(new ConfigViolation(path.isEmpty() ? key : path + "." + key, UNKNOWN_KEY, "unknown key `" + key
            + "`" + (suggestion == null ? "" : " (did you mean `" + suggestion + "`?)") + "; expected one of: "
            + String.join(", ", sorted)));
      }
    });
  }

  private String text(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.textValue().isBlank()) {
      problems.add(new ConfigViolation(path, INVALID_SETTING, "must be a non-empty string"));
      return null;
    }
    return node.textValue();
  }

  /** {@code true}/{@code false}, also as strings (an environment reference yields one). */
  private Boolean flag(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual() && (node.textValue().equals("true") || node.textValue().equals("false"))) {
      return Boolean.parseBoolean(node.textValue());
    }
    problems.add(new ConfigViolation(path, INVALID_SETTING, "must be true or false"));
    return null;
  }

  /** A number of bytes, 0 to 2^31-1. */
  private Integer bytes(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    String text = node.isNumber() ? node.asText() : node.isTextual() ? node.textValue().trim() : "";
    if (text.matches("\\d{1,10}") && Long.parseLong(text) <= Integer.MAX_VALUE) {
      return Integer.parseInt(text);
    }
    problems.add(new ConfigViolation(path, INVALID_SETTING, "must be a number of bytes"));
    return null;
  }

  private Integer port(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    String text = node.isNumber() ? node.asText() : node.isTextual() ? node.textValue().trim() : "";
    if (text.matches("\\d{1,5}") && Integer.parseInt(text) <= 65535) {
      return Integer.parseInt(text);
    }
    problems.add(new ConfigViolation(path, INVALID_SETTING, "must be a port between 0 and 65535"));
    return null;
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or a number of milliseconds; positive. */
  private Duration duration(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    Duration d = null;
    if (node.canConvertToLong() && node.isIntegralNumber()) {
      d = Duration.ofMillis(node.longValue());
    } else if (node.isTextual()) {
      Matcher m = DURATION.matcher(node.textValue().trim().toLowerCase(Locale.ROOT));
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
          case "ms":
            d = Duration.ofMillis(n);
            break;
          case "s":
            d = Duration.ofSeconds(n);
            break;
          case "m":
            d = Duration.ofMinutes(n);
            break;
          default:
            d = Duration.ofHours(n);
            break;
        }
      }
    }
    if (d == null || d.isZero() || d.isNegative()) {
      problems.add(new ConfigViolation(path, INVALID_SETTING, "must be a positive duration such as 500ms, 30s, 5m "
          + "or a number of milliseconds"));
      return null;
    }
    return d;
  }

  private static String kinds() {
    List<String> names = new ArrayList<>();
    for (CallKind kind : CallKind.values()) {
      names.add(kind.wireName());
    }
    return String.join(", ", names);
  }

  /** The registries on the classpath, by plugin name and by class name; boot-time only. */
  private static final class Registries {
    final Map<String, PluginRegistry> byName = new LinkedHashMap<>();
    final Map<String, PluginRegistry> byClass = new LinkedHashMap<>();

    /** Registries whose descriptor could not be built, with why: never fatal for the others. */
    final Map<String, String> broken = new LinkedHashMap<>();

    Registries(ClassLoader loader) {
      for (PluginRegistry registry : ServiceLoader.load(PluginRegistry.class, loader)) {
        byClass.put(registry.getClass().getName(), registry);
        try {
          byName.putIfAbsent(registry.descriptor().name(), registry);
        } catch (RuntimeException | LinkageError e) {
          // Another plugin on the class path that cannot be created as it is (a tool class that needs a
          // ToolFactory, say) must not stop this host file from finding its own plugins.
          broken.put(registry.getClass().getName(), String.valueOf(e.getMessage()));
        }
      }
    }

    /** For a "no plugin named …" message: the registries that could not say their name, and why. */
    String brokenNote() {
      if (broken.isEmpty()) {
        return "";
      }
      StringBuilder out = new StringBuilder("; these registries could not be read:");
      broken.forEach((type, why) -> out.append(' ').append(type).append(" (").append(why).append(')'));
      return out.toString();
    }
  }
}
