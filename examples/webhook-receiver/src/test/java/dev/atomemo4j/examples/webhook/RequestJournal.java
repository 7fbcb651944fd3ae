package dev.atomemo4j.examples.webhook;

import dev.atomemo4j.annotations.Hook;
import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.annotations.Plugin;
import dev.atomemo4j.runtime.hooks.RequestEvent;
import dev.atomemo4j.runtime.hooks.ResponseEvent;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A second plugin, for the tests: its generated {@code onRequest}/{@code onResponse} hooks write what the host's HTTP
 * server saw into {@link #SEEN}, in the order the hooks ran.
 */
@Plugin(name = "request-journal", displayName = "Request Journal",
    description = "Records the requests the host's HTTP server answers.", icon = "📓")
public final class RequestJournal {
  static final BlockingQueue<String> SEEN = new LinkedBlockingQueue<>();

  @Hook(HookPoint.ON_REQUEST)
  public void request(RequestEvent event) {
    SEEN.add("request " + event.pluginId() + " " + event.method() + " " + event.path());
  }

  @Hook(HookPoint.ON_RESPONSE)
  public void response(ResponseEvent event) {
    SEEN.add("response " + event.pluginId() + " " + event.method() + " " + event.path() + " " + event.status());
  }
}
