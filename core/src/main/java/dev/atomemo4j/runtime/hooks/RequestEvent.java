package dev.atomemo4j.runtime.hooks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an {@code ON_REQUEST} hook sees: a request the host's HTTP server received, before it is handled.
 * Observation only: as in Atlas, the hook cannot change or refuse the request.
 *
 * <p>Headers that carry credentials ({@link #REDACTED_HEADERS}) arrive with their values replaced by
 * {@link #REDACTED}: a hook of one plugin sees the requests of every plugin and of the host's admin API, and must not
 * learn their tokens.
 *
 * @param pluginId the plugin whose route the request is for ({@code /plugins/<id>/…}), or null for the host's own
 *     API
 * @param method the HTTP method, upper case
 * @param path the request path, without the query string
 * @param headers header values by name as received, in order
 */
public record RequestEvent(String pluginId, String method, String path, Map<String, List<String>> headers) {

  /** Lower-case names of the headers whose values hooks never see. */
  public static final Set<String> REDACTED_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "x-api-key");

  /** What a redacted header's value reads. */
  public static final String REDACTED = "[REDACTED]";

  public RequestEvent {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      Objects.requireNonNull(name, "header name");
      if (REDACTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        copy.put(name, List.of(REDACTED));
      } else {
        copy.put(name, List.copyOf(values));
      }
    });
    headers = Collections.unmodifiableMap(copy);
  }

  /** The values of a header, matched case-insensitively; empty when absent. */
  public List<String> header(String name) {
    List<String> out = new ArrayList<>();
    headers.forEach((n, values) -> {
      if (n.equalsIgnoreCase(name)) {
        out.addAll(values);
      }
    });
    return List.copyOf(out);
  }
}
