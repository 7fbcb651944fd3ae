package dev.atomemo4j.runtime.hooks;

import java.util.Objects;

/**
 * What an {@code ON_RESPONSE} hook sees: a request the host's HTTP server answered. Observation only.
 *
 * @param pluginId the plugin whose route answered, or null for the host's own API
 * @param method the HTTP method, upper case
 * @param path the request path, without the query string
 * @param status the HTTP status sent
 */
public record ResponseEvent(String pluginId, String method, String path, int status) {
  public ResponseEvent {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
  }
}
