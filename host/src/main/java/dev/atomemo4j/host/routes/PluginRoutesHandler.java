package dev.atomemo4j.host.routes;

import dev.atomemo4j.core.lifecycle.HostedPlugins;
import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.core.lifecycle.ConfigSecrets;
import dev.atomemo4j.core.routes.PluginRoutes;
import dev.atomemo4j.core.routes.RouteTable;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.runtime.routes.RouteRequest;
import dev.atomemo4j.runtime.routes.RouteResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /plugins/<id>/…}: the request goes to the route of plugin {@code id} that matches it, as our
 * {@link RouteRequest}, and its {@link RouteResponse} is written back. Everything else is left to the next handler.
 *
 * <ul>
 *   <li>No such plugin: {@code 404 host:unknown_plugin}; a plugin that is torn down, disabled or not healthy:
 *       {@code 503 host:plugin_unavailable}; one without routes, or no route's path matches: {@code 404
 *       host:route_not_found}; only other methods match: {@code 405 host:method_not_allowed} with {@code Allow}.
 *   <li>A body over the cap: {@code 413 host:body_too_large}, before the handler runs.
 *   <li>A handler that throws or returns null: {@code 500 host:route_failed}. The caller learns nothing more; the
 *       log gets the exception's class, its message with the plugin's secrets masked, and where it was thrown.
 * </ul>
 *
 * <p>The admin API's Host and Origin guards do not apply here: plugin routes are meant for callers elsewhere (a
 * webhook sender), and each plugin authenticates its own callers (host/API.md, "Plugin routes").
 */
public final class PluginRoutesHandler extends Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger("atomemo4j.host.routes");

  /** The prefix every plugin's routes are mounted under. */
  public static final String PREFIX = "/plugins/";
  /** The default cap on a request body: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  /** Response headers the host writes itself: a handler's value for them would contradict the body sent. */
  private static final Set<String> HOST_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

  private final HostedPlugins plugins;
  private final PluginRoutes routes;
  private final int maxBodyBytes;

  public PluginRoutesHandler(HostedPlugins plugins, PluginRoutes routes, int maxBodyBytes) {
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("the body cap cannot be negative, got " + maxBodyBytes);
    }
    this.plugins = plugins;
    this.routes = routes;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The plugin id a raw request path names ({@code /plugins/<id>/…}), decoded; null for any other path. */
  public static String pluginIdOf(String rawPath) {
    if (rawPath == null || !rawPath.startsWith(PREFIX)) {
      return null;
    }
    int end = rawPath.indexOf('/', PREFIX.length());
    String id = rawPath.substring(PREFIX.length(), end < 0 ? rawPath.length() : end);
    try {
      return id.isEmpty() ? null : decode(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String raw = request.getHttpURI().getPath();
    if (raw == null || !(raw.startsWith(PREFIX) || raw.equals("/plugins"))) {
      return false;
    }
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    String id = pluginIdOf(raw);
    if (id == null) {
      RouteErrors.write(response, callback, 404, RouteErrors.NOT_FOUND, "plugin routes are under " + PREFIX
          + "<id>/", null);
      return true;
    }
    if (!plugins.contains(id)) {
      RouteErrors.write(response, callback, 404, RouteErrors.UNKNOWN_PLUGIN, "no plugin `" + id
          + "` in this host", null);
      return true;
    }
    PluginInstance plugin = plugins.get(id);
    String unavailable = unavailable(plugin);
    if (unavailable != null) {
      RouteErrors.write(response, callback, 503, RouteErrors.UNAVAILABLE, "plugin `" + id + "` " + unavailable,
          null);
      return true;
    }
    RouteTable table = routes.of(id).orElse(null);
    if (table == null) {
      RouteErrors.write(response, callback, 404, RouteErrors.NOT_FOUND, "plugin `" + id + "` serves no routes",
          null);
      return true;
    }
    String rest = raw.substring(PREFIX.length() + rawLength(raw));
    List<String> segments;
    Map<String, List<String>> query;
    try {
      segments = segments(rest);
      query = query(request.getHttpURI().getQuery());
    } catch (IllegalArgumentException e) {
      RouteErrors.write(response, callback, 400, RouteErrors.BAD_REQUEST, "the path or query is not valid "
          + "percent-encoded UTF-8", null);
      return true;
    }
    String path = "/" + String.join("/", segments);
    RouteTable.Match match = table.match(method, segments);
    if (match instanceof RouteTable.WrongMethod wrong) {
      String allow = String.join(", ", wrong.allowed());
      RouteErrors.write(response, callback, 405, RouteErrors.METHOD_NOT_ALLOWED, method + " is not allowed on "
          + path + " of plugin `" + id + "`; use " + allow, allow);
      return true;
    }
    if (!(match instanceof RouteTable.Found found)) {
      RouteErrors.write(response, callback, 404, RouteErrors.NOT_FOUND, "plugin `" + id + "` has no route "
          + method + " " + path, null);
      return true;
    }
    byte[] body;
    try {
      body = body(request);
    } catch (BodyTooLarge e) {
      RouteErrors.write(response, callback, 413, RouteErrors.BODY_TOO_LARGE, "the request body is larger than "
          + maxBodyBytes + " bytes", null);
      return true;
    } catch (IOException e) {
      RouteErrors.write(response, callback, 400, RouteErrors.BAD_REQUEST, "cannot read the request body", null);
      return true;
    }
    RouteRequest routeRequest = new RouteRequest(method, path, found.params(), query, headers(request), body);
    RouteResponse answer;
    try {
      answer = found.handler().handle(routeRequest);
    } catch (Exception | LinkageError | StackOverflowError e) {
      logFailure(plugin, found, e);
      RouteErrors.write(response, callback, 500, RouteErrors.ROUTE_FAILED, "the route " + found.method() + " "
          + found.template() + " of plugin `" + id + "` failed", null);
      return true;
    }
    if (answer == null) {
      log.error("plugin {} route {} {} returned no response", id, found.method(), found.template());
      RouteErrors.write(response, callback, 500, RouteErrors.ROUTE_FAILED, "the route " + found.method() + " "
          + found.template() + " of plugin `" + id + "` returned no response", null);
      return true;
    }
    write(response, callback, answer);
    return true;
  }

  /** Why the plugin serves nothing now, or null when it does. */
  private static String unavailable(PluginInstance plugin) {
    PluginStatus status = plugin.status();
    if (status == PluginStatus.TEARDOWN) {
      return "is shut down";
    }
    if (!plugin.enabled()) {
      return "is disabled";
    }
    if (status != PluginStatus.HEALTHY) {
      return "is " + status.wireName();
    }
    return null;
  }

  private static void logFailure(PluginInstance plugin, RouteTable.Found found, Throwable e) {
    String message = ConfigSecrets.clean(e.getMessage(), ConfigSecrets.of(plugin));
    StackTraceElement[] trace = e.getStackTrace();
    // The class, the masked message and the throwing frame: a full trace would repeat unmasked messages of causes.
    log.error("plugin {} route {} {} failed: {}{}{}", plugin.id(), found.method(), found.template(),
        e.getClass().getName(), message.isEmpty() ? "" : ": " + message,
        trace.length == 0 ? "" : " (at " + trace[0] + ")");
  }

  private byte[] body(Request request) throws IOException {
    long declared = request.getLength();
    if (declared > maxBodyBytes) {
      throw new BodyTooLarge();
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] bytes = in.readNBytes(maxBodyBytes + 1);
      if (bytes.length > maxBodyBytes) {
        throw new BodyTooLarge();
      }
      return bytes;
    }
  }

  private static Map<String, List<String>> headers(Request request) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      out.computeIfAbsent(field.getName(), n -> new ArrayList<>()).add(field.getValue());
    }
    return out;
  }

  private static void write(Response response, Callback callback, RouteResponse answer) {
    byte[] body = answer.body();
    response.setStatus(answer.status());
    answer.headers().forEach((name, value) -> {
      if (!HOST_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        response.getHeaders().put(name, value);
      }
    });
    if (body.length > 0 && answer.header("Content-Type") == null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** The length of the raw id segment after the prefix. */
  private static int rawLength(String raw) {
    int end = raw.indexOf('/', PREFIX.length());
    return (end < 0 ? raw.length() : end) - PREFIX.length();
  }

  /** {@code ""} and {@code "/"} are the plugin's root; else the segments after the first slash, each decoded. */
  private static List<String> segments(String rest) {
    if (rest.isEmpty() || rest.equals("/")) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : rest.substring(1).split("/", -1)) {
      out.add(decode(s));
    }
    return out;
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return out;
  }

  /** Percent-decoding of a path segment: {@code +} stays a plus (it is a space only in query strings). */
  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** A body over the cap: answered 413 before the handler runs. */
  private static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLarge() {
      super("the request body is over the cap");
    }
  }
}
