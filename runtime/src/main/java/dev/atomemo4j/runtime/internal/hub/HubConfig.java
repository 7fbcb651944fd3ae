package dev.atomemo4j.runtime.internal.hub;

import dev.atomemo4j.runtime.internal.phoenix.Redaction;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validated configuration (hub-protocol §12), read from {@code ./.env}, the process environment (which wins
 * over {@code .env}) and explicit overrides (which win over both).
 *
 * <p>Loading collects every problem instead of stopping at the first, so that one message can list them all.
 */
public final class HubConfig {

  static final String HUB_MODE = "HUB_MODE";
  static final String HUB_WS_URL = "HUB_WS_URL";
  static final String HUB_DEBUG_API_KEY = "HUB_DEBUG_API_KEY";
  static final String DEBUG = "DEBUG";
  static final String NODE_ENV = "NODE_ENV";
  static final String ALLOW_INSECURE = "ATOMEMO4J_ALLOW_INSECURE";
  static final String AUTHOR = "ATOMEMO4J_AUTHOR";
  static final String EMAIL = "ATOMEMO4J_EMAIL";
  static final String CONFIG_DIR = "CHOICEFORM_CONFIG_DIR";

  private static final Logger log = LoggerFactory.getLogger(HubConfig.class);

  private final Mode mode;
  private final String baseUrl;
  private final String apiKey;
  private final boolean debugLogging;
  private final boolean debugStacks;
  private final Map<String, String> values;

  private HubConfig(Mode mode, String baseUrl, String apiKey, boolean debugLogging, boolean debugStacks,
      Map<String, String> values) {
    this.mode = mode;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.debugLogging = debugLogging;
    this.debugStacks = debugStacks;
    this.values = values;
  }

  /**
   * Reads and validates the configuration, adding a sentence per problem to {@code problems}. The result is only
   * meaningful when no problem was added; its members may be null otherwise.
   *
   * @param environment the process environment (or the builder's replacement for it)
   * @param overrides values that win over the environment and {@code .env}
   * @param workingDirectory where {@code .env} is read from
   * @param allowInsecure the builder's permission for {@code ws://} to a non-loopback host
   */
  static HubConfig load(Map<String, String> environment, Map<String, String> overrides, Path workingDirectory,
      boolean allowInsecure, List<String> problems) {
    Map<String, String> values = new LinkedHashMap<>();
    Path dotEnv = workingDirectory.resolve(".env");
    try {
      DotEnv.Result read = DotEnv.read(dotEnv);
      values.putAll(read.values());
      for (int line : read.badLines()) {
        log.warn("ignoring line {} of {}: not KEY=VALUE", line, dotEnv);
      }
    } catch (IOException e) {
      problems.add(dotEnv + " cannot be read: " + e.getClass().getSimpleName());
    }
    values.putAll(environment); // §12: the real environment wins over .env
    values.putAll(overrides);

    String modeText = values.get(HUB_MODE);
    Mode mode;
    if (modeText == null || modeText.isBlank()) {
      mode = Mode.DEBUG;
    } else {
      mode = Mode.parse(modeText.strip());
      if (mode == null) {
        problems.add(HUB_MODE + " must be `debug` or `release`, got `" + printable(modeText) + "`");
      }
    }

    boolean insecureAllowed = allowInsecure;
    String insecureText = values.get(ALLOW_INSECURE);
    if (insecureText != null && !insecureText.isBlank()) {
      String t = insecureText.strip().toLowerCase(Locale.ROOT);
      if (t.equals("true")) {
        insecureAllowed = true;
      } else if (!t.equals("false")) {
        problems.add(ALLOW_INSECURE + " must be `true` or `false`, got `" + printable(insecureText) + "`");
      }
    }

    String baseUrl = baseUrl(values.get(HUB_WS_URL), insecureAllowed, problems);

    String apiKey = values.get(HUB_DEBUG_API_KEY);
    apiKey = apiKey == null ? null : apiKey.strip();
    if (mode == Mode.DEBUG && (apiKey == null || apiKey.isEmpty())) {
      problems.add(HUB_DEBUG_API_KEY + " is not set, and debug mode needs it; run `atomemo plugin refresh-key` to "
          + "write a fresh key into ./.env (keys are valid for one day)");
    }
    if (mode != Mode.DEBUG) {
      apiKey = null; // §16 D3: sent exactly in debug mode
    }

    // §12: DEBUG "true" (any case) is on; unset is on unless NODE_ENV=production; anything else is off.
    String debugText = values.get(DEBUG);
    boolean production = "production".equals(values.get(NODE_ENV));
    boolean debugLogging = debugText == null ? !production : debugText.strip().equalsIgnoreCase("true");
    // Stack traces leave the process only on an explicit DEBUG=true.
    boolean debugStacks = debugText != null && debugText.strip().equalsIgnoreCase("true");

    return new HubConfig(mode, baseUrl, apiKey, debugLogging, debugStacks, Map.copyOf(nonNull(values)));
  }

  /**
   * §2.1/§16 D2: a ws:// or wss:// URL with a host, one trailing {@code /} removed, any path kept. Refuses
   * unencrypted {@code ws://} to a host that is not loopback unless allowed.
   */
  private static String baseUrl(String raw, boolean insecureAllowed, List<String> problems) {
    if (raw == null || raw.isBlank()) {
      problems.add(HUB_WS_URL + " is not set; set it in the environment or in ./.env, e.g. "
          + "HUB_WS_URL=wss://plugin-hub.atomemo.ai");
      return null;
    }
    String url = raw.strip();
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      problems.add(HUB_WS_URL + " is not a valid URL: `" + printable(url) + "`");
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss")) {
      problems.add(HUB_WS_URL + " must start with ws:// or wss://, got `" + printable(url) + "`");
      return null;
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      problems.add(HUB_WS_URL + " has no host: `" + printable(url) + "`");
      return null;
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      problems.add(HUB_WS_URL + " must not have a query or a fragment: `" + printable(url) + "`");
      return null;
    }
    if (uri.getRawUserInfo() != null) {
      problems.add(HUB_WS_URL + " must not contain user info (user:password@); the Hub authenticates with "
          + HUB_DEBUG_API_KEY);
      return null;
    }
    if (scheme.equals("ws") && !insecureAllowed && !isLoopback(host)) {
      problems.add(HUB_WS_URL + " uses unencrypted ws:// to `" + host + "`, which is not this machine: use wss://, "
          + "or set " + ALLOW_INSECURE + "=true if you really mean to send the debug key in clear text");
      return null;
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Resolves a host name to its addresses; tests replace it. */
  interface Resolver {
    java.net.InetAddress[] resolve(String host) throws java.net.UnknownHostException;
  }

  /** Loopback literals, and {@code localhost} names that resolve to loopback addresses only. */
  static boolean isLoopback(String host) {
    return isLoopback(host, java.net.InetAddress::getAllByName);
  }

  /**
   * Literal loopback addresses are taken as they are. {@code localhost} and {@code *.localhost} are resolved first:
   * RFC 6761 says they should be loopback, but a resolver may map {@code anything.localhost} elsewhere, and the
   * debug key would then travel in clear text to another machine.
   */
  static boolean isLoopback(String host, Resolver resolver) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      try {
        java.net.InetAddress[] addresses = resolver.resolve(h);
        if (addresses.length == 0) {
          return false;
        }
        for (java.net.InetAddress a : addresses) {
          if (!a.isLoopbackAddress()) {
            return false;
          }
        }
        return true;
      } catch (java.net.UnknownHostException | SecurityException e) {
        return false;
      }
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  /** Quotable in a message: redacted, and short. */
  private static String printable(String s) {
    String r = Redaction.redact(s.strip());
    return r.length() > 120 ? r.substring(0, 117) + "..." : r;
  }

  private static Map<String, String> nonNull(Map<String, String> m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      if (k != null && v != null) {
        out.put(k, v);
      }
    });
    return out;
  }

  public Mode mode() {
    return mode;
  }

  /** {@code HUB_WS_URL} without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The Phoenix endpoint, {@code <base>/<mode>_socket}. */
  public String endpoint() {
    return mode.endpoint(baseUrl);
  }

  /** The debug API key; null in release mode. Never log it. */
  String apiKey() {
    return apiKey;
  }

  /** §12 DEBUG with the JS semantics: log frames (redacted). */
  public boolean debugLogging() {
    return debugLogging;
  }

  /** DEBUG=true explicitly: error payloads carry {@code stack}. */
  public boolean debugStacks() {
    return debugStacks;
  }

  /** §12: {@code production} when HUB_WS_URL contains atomemo.ai, else {@code staging}. */
  String deployment() {
    String url = baseUrl != null ? baseUrl : value(HUB_WS_URL); // also when the URL is invalid, to list more
    return url != null && url.contains("atomemo.ai") ? "production" : "staging";
  }

  /** A configuration value after merging, or null. */
  String value(String key) {
    String v = values.get(key);
    return v == null || v.isBlank() ? null : v.strip();
  }

  @Override
  public String toString() {
    return "HubConfig[" + mode + ", " + baseUrl + (apiKey == null ? "" : ", api_key=" + "REDACTED") + "]";
  }
}
