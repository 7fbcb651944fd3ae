package dev.atomemo4j.host.routes;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What the host's HTTP server answers outside {@code /plugins/} when the admin API is off: {@code 404
 * host:not_found}, so a public webhook port reveals nothing else.
 */
public final class NotFoundHandler extends Handler.Abstract {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    RouteErrors.write(response, callback, 404, "host:not_found", "nothing is served here; plugin routes are under "
        + PluginRoutesHandler.PREFIX + "<id>/", null);
    return true;
  }
}
