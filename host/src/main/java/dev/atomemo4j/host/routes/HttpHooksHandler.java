package dev.atomemo4j.host.routes;

import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.core.hooks.HookDispatcher;
import dev.atomemo4j.runtime.hooks.RequestEvent;
import dev.atomemo4j.runtime.hooks.ResponseEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The {@code onRequest} and {@code onResponse} hooks around every request the host's HTTP server answers, plugin
 * routes and admin API alike, as Atlas's middleware on {@code /api/*} (atlas-features.md §7). Observation only:
 * nothing a hook does (throw, time out) changes the request or its answer.
 *
 * <ul>
 *   <li>{@code onRequest} runs before the request is handled, and is waited for (as Atlas awaits it inline), so
 *       every hook saw the request before any saw its response. Each hook is cut at its deadline.
 *   <li>{@code onResponse} runs after the answer was sent, with its status; nobody waits for it.
 * </ul>
 *
 * <p>With no such hook in the host the wrapper only passes requests on.
 */
public final class HttpHooksHandler extends Handler.Wrapper {
  private final HookDispatcher hooks;

  public HttpHooksHandler(HookDispatcher hooks, Handler next) {
    super(next);
    this.hooks = hooks;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    boolean onRequest = hooks.has(HookPoint.ON_REQUEST);
    boolean onResponse = hooks.has(HookPoint.ON_RESPONSE);
    if (!onRequest && !onResponse) {
      return super.handle(request, response, callback);
    }
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    String path = request.getHttpURI().getPath();
    String pluginId = PluginRoutesHandler.pluginIdOf(path);
    if (onRequest) {
      awaitObservers(request, method, path, pluginId);
    }
    if (!onResponse) {
      return super.handle(request, response, callback);
    }
    Callback observed = new Callback.Nested(callback) {
      @Override
      public void succeeded() {
        super.succeeded();
        hooks.onResponse(new ResponseEvent(pluginId, method, path, response.getStatus()));
      }

      @Override
      public void failed(Throwable failure) {
        super.failed(failure);
        hooks.onResponse(new ResponseEvent(pluginId, method, path, response.getStatus()));
      }
    };
    return super.handle(request, response, observed);
  }

  private void awaitObservers(Request request, String method, String path, String pluginId) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getName(), n -> new ArrayList<>()).add(field.getValue());
    }
    try {
      // Never fails: every hook's failure or timeout is logged by the dispatcher and ends its own call.
      hooks.onRequest(new RequestEvent(pluginId, method, path, headers)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException never) {
      // the dispatcher's futures complete normally
    }
  }
}
