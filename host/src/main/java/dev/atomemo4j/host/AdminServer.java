package dev.atomemo4j.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.lifecycle.HealthMonitor;
import dev.atomemo4j.core.lifecycle.HealthSnapshot;
import dev.atomemo4j.core.lifecycle.HostedPlugins;
import dev.atomemo4j.core.lifecycle.LifecycleException;
import dev.atomemo4j.core.lifecycle.LifecycleResult;
import dev.atomemo4j.core.lifecycle.PluginHealth;
import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.runtime.PluginStatus;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's admin HTTP API on Jetty 12 (host/API.md): health, plugins with status, health and latency, config with
 * secrets masked, probe/refresh/enable/disable, and the joined context. JSON in and out; errors are
 * {@code {"code", "message"}}.
 *
 * <p>No login: it binds loopback by default. Like the dev hub, it refuses a {@code Host} header that is not a
 * loopback name or the bound host (DNS rebinding), and a state-changing request whose {@code Origin} is another site.
 */
final class AdminServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("atomemo4j.host.http");
  private static final String JSON = "application/json; charset=utf-8";

  private final Server server;
  private final ServerConnector connector;
  private final String host;

  private AdminServer(Server server, ServerConnector connector, String host) {
    this.server = server;
    this.connector = connector;
    this.host = host;
  }

  static AdminServer start(String host, int port, HostedPlugins plugins, HealthMonitor health) {
    return start(host, port, plugins, health, null);
  }

  /** @param actions the approval gate whose routes to serve, or null without actions */
  static AdminServer start(String host, int port, HostedPlugins plugins, HealthMonitor health,
      dev.atomemo4j.host.actions.HostActions actions) {
    return start(host, port, plugins, health, actions, null, null, true, null);
  }

  /**
   * @param explore the explore service whose routes to serve, or null
   * @param queries the datasource query path whose routes and console to serve, or null
   * @param adminApi whether to serve the admin API; without it only {@code pluginRoutes} are served
   * @param pluginRoutes the handler of {@code /plugins/<id>/…}, or null for none
   */
  static AdminServer start(String host, int port, HostedPlugins plugins, HealthMonitor health,
      dev.atomemo4j.host.actions.HostActions actions, dev.atomemo4j.host.explore.HostExplore explore,
      dev.atomemo4j.host.query.HostQueries queries, boolean adminApi, Handler pluginRoutes) {
    QueuedThreadPool threads = new QueuedThreadPool(32, 2);
    threads.setName("atomemo4j-host-http");
    threads.setDaemon(true);
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    // On stop Jetty waits this long for idle keep-alive clients to close (1 s by default); an admin API has
    // nothing in flight worth that wait, and close() should be prompt.
    connector.setShutdownIdleTimeout(100);
    server.addConnector(connector);
    // Plugin routes first (they answer /plugins/… only, without the admin guards), then the admin API; the hooks
    // observe both.
    Handler.Sequence handlers = new Handler.Sequence();
    if (pluginRoutes != null) {
      handlers.addHandler(pluginRoutes);
    }
    handlers.addHandler(adminApi ? new Api(plugins, health, host, actions, explore, queries)
        : new dev.atomemo4j.host.routes.NotFoundHandler());
    server.setHandler(new dev.atomemo4j.host.routes.HttpHooksHandler(plugins.hooks(), handlers));
    server.setStopTimeout(2_000);
    try {
      server.start();
    } catch (Exception e) {
      try {
        server.stop();
      } catch (Exception ignored) {
        // already failing
      }
      throw new LifecycleException("host:http_failed", "cannot serve the admin API on " + host + ":" + port
          + ": " + e.getMessage());
    }
    boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    if (!loopback && adminApi) {
      log.warn("the admin API has no login and listens on {}:{}, not on loopback; anyone who reaches it can "
          + "enable, disable and refresh plugins", host, connector.getLocalPort());
    }
    return new AdminServer(server, connector, host);
  }

  URI url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + h + ":" + connector.getLocalPort());
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("stopping the admin API failed: {}", e.toString());
    }
  }

  /** The routes. Blocking is fine here: admin calls are rare and each is bounded by a lifecycle deadline. */
  private static final class Api extends Handler.Abstract {
    private final HostedPlugins plugins;
    private final HealthMonitor health;
    private final String boundHost;
    private final dev.atomemo4j.host.actions.HostActions actions;
    private final dev.atomemo4j.host.explore.HostExplore explore;
    private final dev.atomemo4j.host.query.HostQueries queries;

    Api(HostedPlugins plugins, HealthMonitor health, String boundHost,
        dev.atomemo4j.host.actions.HostActions actions, dev.atomemo4j.host.explore.HostExplore explore,
        dev.atomemo4j.host.query.HostQueries queries) {
      this.queries = queries;
      this.plugins = plugins;
      this.health = health;
      this.boundHost = boundHost;
      this.actions = actions;
      this.explore = explore;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String path = Request.getPathInContext(request);
      String method = request.getMethod();
      Answer answer;
      try {
        answer = guard(request, method);
        if (answer == null && path.equals("/actions") && method.equals("GET")) {
          writePage(response, callback, "actions.html");
          return true;
        }
        if (answer == null && path.startsWith("/api/actions/")) {
          String[] parts = path.substring(1).split("/", -1);
          String body = method.equals("POST")
              ? org.eclipse.jetty.io.Content.Source.asString(request, java.nio.charset.StandardCharsets.UTF_8) : null;
          ActionsApi.Reply reply = ActionsApi.handle(actions, method, parts, request.getHttpURI().getQuery(), body,
              request.getHeaders().get(ActionsApi.USER_HEADER), request.getHeaders().get(ActionsApi.ROLES_HEADER));
          if (reply != null) {
            answer = new Answer(reply.status(), reply.body());
          }
        }
        if (answer == null && explore != null && path.equals("/explore") && method.equals("GET")) {
          writePage(response, callback, "explore.html");
          return true;
        }
        if (answer == null && explore != null && path.equals("/api/explore")) {
          String body = method.equals("POST")
              ? org.eclipse.jetty.io.Content.Source.asString(request, java.nio.charset.StandardCharsets.UTF_8) : null;
          ActionsApi.Reply reply = ExploreApi.handle(explore, method, path, body);
          answer = new Answer(reply.status(), reply.body());
        }
        if (answer == null && (path.equals("/datasources") || path.equals("/api/datasources")
            || path.startsWith("/api/datasources/"))) {
          DatasourcesApi.Reply reply = DatasourcesApi.handle(queries, method, path, request);
          if (reply.page() != null) {
            writePage(response, callback, reply.page());
            return true;
          }
          answer = new Answer(reply.status(), reply.body());
          answer.allow = reply.allow();
        }
        if (answer == null) {
          answer = route(method, path);
        }
      } catch (LifecycleException e) {
        answer = new Answer(statusOf(e.code()), AdminJson.error(e.code(), e.reason()));
      } catch (java.io.IOException e) {
        answer = new Answer(400, AdminJson.error("host:bad_request", "cannot read the request body"));
      } catch (RuntimeException e) {
        log.error("{} {} failed", method, path, e);
        answer = new Answer(500, AdminJson.error("host:internal_error", "the host failed: "
            + e.getClass().getSimpleName()));
      }
      write(response, callback, answer);
      return true;
    }

    private Answer route(String method, String path) {
      String[] parts = path.length() > 1 ? path.substring(1).split("/", -1) : new String[0];
      if (path.equals("/health")) {
        return only(method, "GET", () -> {
          HealthSnapshot snapshot = await(health.health());
          return new Answer(snapshot.healthy() ? 200 : 503, AdminJson.snapshot(snapshot));
        });
      }
      if (path.equals("/api/plugins")) {
        return only(method, "GET", () -> {
          ObjectNode body = AdminJson.object();
          ArrayNode list = body.putArray("plugins");
          plugins.all().forEach(p -> list.add(AdminJson.summary(p)));
          return new Answer(200, body);
        });
      }
      if (path.equals("/api/context")) {
        return only(method, "GET", () -> {
          ObjectNode body = AdminJson.object().put("context", plugins.context());
          ArrayNode from = body.putArray("plugins");
          for (PluginInstance p : plugins.all()) {
            if (p.providesContext() && p.enabled() && p.status() == PluginStatus.HEALTHY
                && !p.contextText().isBlank()) {
              from.add(p.id());
            }
          }
          return new Answer(200, body);
        });
      }
      if (parts.length >= 3 && parts[0].equals("api") && parts[1].equals("plugins") && !parts[2].isEmpty()) {
        String id = parts[2];
        if (parts.length == 3) {
          return only(method, "GET", () -> new Answer(200, AdminJson.detail(plugins.get(id))));
        }
        if (parts.length == 4) {
          PluginInstance plugin = plugins.get(id);
          switch (parts[3]) {
            case "health":
              return only(method, "POST", () -> {
                PluginHealth result = await(health.probe(id));
                ObjectNode body = AdminJson.object().put("id", id).put("status", plugin.status().wireName());
                body.setAll(AdminJson.health(result));
                return new Answer(200, body);
              });
            case "refresh":
              return only(method, "POST", () -> {
                LifecycleResult result = plugins.refresh(id);
                health.invalidate();
                if (result.ok()) {
                  return new Answer(200, AdminJson.object().put("id", id).put("ok", true).putNull("reason"));
                }
                ObjectNode body = AdminJson.error("host:refresh_failed", result.reason()).put("id", id)
                    .put("ok", false).put("reason", result.reason());
                return new Answer(409, body);
              });
            case "enable":
            case "disable":
              return only(method, "POST", () -> {
                boolean enable = parts[3].equals("enable");
                boolean changed = enable ? plugins.enable(id) : plugins.disable(id);
                health.invalidate();
                return new Answer(200, AdminJson.object().put("id", id).put("enabled", plugin.enabled())
                    .put("changed", changed));
              });
            default:
              break;
          }
        }
      }
      return new Answer(404, AdminJson.error("host:not_found", "no endpoint " + method + " " + path
          + "; see host/API.md"));
    }

    private static Answer only(String method, String allowed, Supplier<Answer> action) {
      if (!method.equals(allowed)) {
        Answer answer = new Answer(405, AdminJson.error("host:method_not_allowed", method
            + " is not allowed here; use " + allowed));
        answer.allow = allowed;
        return answer;
      }
      return action.get();
    }

    private Answer guard(Request request, String method) {
      String hostHeader = Request.getServerName(request);
      if (!isAllowedHost(hostHeader)) {
        return new Answer(403, AdminJson.error("host:forbidden_host", "the Host header does not name this host's "
            + "admin address"));
      }
      String origin = request.getHeaders().get(HttpHeader.ORIGIN);
      if (!method.equals("GET") && !method.equals("HEAD") && origin != null && !isOwnOrigin(origin,
          Request.getServerPort(request))) {
        return new Answer(403, AdminJson.error("host:forbidden_origin", "cross-origin requests from " + origin
            + " are not accepted"));
      }
      return null;
    }

    private boolean isAllowedHost(String name) {
      if (name == null || boundHost.equals("0.0.0.0") || boundHost.equals("::")) {
        return true;
      }
      String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
      return bare.equalsIgnoreCase("localhost") || bare.startsWith("127.") || bare.equals("::1")
          || bare.equalsIgnoreCase(boundHost);
    }

    private boolean isOwnOrigin(String origin, int port) {
      try {
        URI uri = URI.create(origin);
        return "http".equals(uri.getScheme()) && isAllowedHost(uri.getHost()) && uri.getPort() == port;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    private static int statusOf(String code) {
      switch (code) {
        case LifecycleException.UNKNOWN_PLUGIN:
          return 404;
        case LifecycleException.IN_TEARDOWN:
          return 409;
        default:
          return 500;
      }
    }

    private static <T> T await(CompletableFuture<T> future) {
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LifecycleException("host:interrupted", "interrupted");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException) {
          throw (RuntimeException) e.getCause();
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    /**
     * A page (the approval page, the explore console, the query console): static HTML whose script calls the API
     * routes; nothing in it is request data.
     */
    private static void writePage(Response response, Callback callback, String resource) {
      byte[] page;
      try (java.io.InputStream in = AdminServer.class.getResourceAsStream(resource)) {
        page = in.readAllBytes();
      } catch (java.io.IOException | NullPointerException e) {
        throw new IllegalStateException("the page " + resource + " is missing from the host jar", e);
      }
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      // Its own script and fetches only; no framing by other sites.
      response.getHeaders().put("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; "
          + "style-src 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'");
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, page.length);
      response.write(true, ByteBuffer.wrap(page), callback);
    }

    private static void write(Response response, Callback callback, Answer answer) {
      byte[] body = AdminJson.bytes(answer.body);
      response.setStatus(answer.status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      if (answer.allow != null) {
        response.getHeaders().put(HttpHeader.ALLOW, answer.allow);
      }
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
      response.write(true, ByteBuffer.wrap(body), callback);
    }
  }

  /** A status and a JSON body (and, for 405, the allowed method). */
  private static final class Answer {
    final int status;
    final JsonNode body;
    String allow;

    Answer(int status, JsonNode body) {
      this.status = status;
      this.body = body;
    }
  }
}
