package dev.atomemo4j.core.routes;

import dev.atomemo4j.runtime.routes.RouteHandler;
import dev.atomemo4j.runtime.routes.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checked routes of one plugin, and how a request finds its route: among the routes whose path matches, the
 * most specific one registered for the request's method ({@link Found}); when only other methods match, {@link
 * WrongMethod} with the methods that do (a 405 with {@code Allow}); else {@link #NOT_FOUND}. Immutable.
 */
public final class RouteTable {
  /** The answer when no route's path matches. */
  public static final Match NOT_FOUND = new NotFound();

  private final List<Entry> entries;

  private RouteTable(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** A router that collects and checks registrations; {@link Builder#build()} makes the table. */
  public static Builder builder() {
    return new Builder();
  }

  /** The routes as registered: method and path template, in registration order. */
  public List<String> describe() {
    return entries.stream().map(e -> e.method + " " + e.template.text()).toList();
  }

  /**
   * @param method the request's method, upper case
   * @param segments the request path under the plugin's prefix, split at {@code /} and decoded; empty for {@code /}
   */
  public Match match(String method, List<String> segments) {
    Entry best = null;
    Map<String, String> bestParams = null;
    Set<String> allowed = new TreeSet<>();
    for (Entry e : entries) {
      Map<String, String> params = e.template.match(segments);
      if (params == null) {
        continue;
      }
      if (!e.method.equals(method)) {
        allowed.add(e.method);
        continue;
      }
      if (best == null || e.template.compareSpecificity(best.template) < 0) {
        best = e;
        bestParams = params;
      }
    }
    if (best != null) {
      return new Found(best.method, best.template.text(), best.handler, bestParams);
    }
    return allowed.isEmpty() ? NOT_FOUND : new WrongMethod(Set.copyOf(allowed));
  }

  /** How a request fared against the table. */
  public sealed interface Match permits Found, WrongMethod, NotFound {}

  /**
   * The route that answers.
   *
   * @param template the path as registered ({@code /events/{id}})
   * @param params the values of its parameters, decoded
   */
  public record Found(String method, String template, RouteHandler handler, Map<String, String> params)
      implements Match {
    public Found {
      params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
  }

  /** The path matches routes of other methods only. */
  public record WrongMethod(Set<String> allowed) implements Match {}

  /** No route's path matches. */
  private record NotFound() implements Match {}

  private record Entry(String method, PathTemplate template, RouteHandler handler) {}

  /**
   * Collects what a {@code @Routes} method registers. It never throws at the author: every mistake is kept, so the
   * wiring reports all of them at once. Frozen by {@link #build()}: a plugin that keeps the router and registers
   * later gets an {@link IllegalStateException}.
   */
  public static final class Builder implements Router {
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, String> shapes = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private boolean built;

    private Builder() {}

    @Override
    public synchronized Router route(String method, String path, RouteHandler handler) {
      if (built) {
        throw new IllegalStateException("routes are registered in the @Routes method only; this router is closed");
      }
      String m = method == null ? "" : method.toUpperCase(Locale.ROOT);
      boolean ok = true;
      if (m.isEmpty() || !m.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
        problems.add("method \"" + method + "\" of route " + path + " is not an HTTP method (letters only, e.g. "
            + "GET, POST)");
        ok = false;
      }
      PathTemplate template = null;
      try {
        template = PathTemplate.parse(path);
      } catch (IllegalArgumentException e) {
        problems.add(m + " " + e.getMessage());
        ok = false;
      }
      if (handler == null) {
        problems.add(m + " " + path + " has no handler (null)");
        ok = false;
      }
      if (template != null && !m.isEmpty()) {
        String key = m + " " + template.shape();
        String previous = shapes.putIfAbsent(key, template.text());
        if (previous != null) {
          problems.add(m + " " + template.text() + " is registered twice"
              + (previous.equals(template.text()) ? "" : " (as " + previous + ", which matches the same paths)"));
          ok = false;
        }
      }
      if (ok) {
        entries.add(new Entry(m, template, handler));
      }
      return this;
    }

    /** What is wrong with the registrations so far, in the order found. */
    public synchronized List<String> problems() {
      return List.copyOf(problems);
    }

    /**
     * Freezes the router and returns the table.
     *
     * @throws IllegalStateException when there are {@link #problems()}
     */
    public synchronized RouteTable build() {
      built = true;
      if (!problems.isEmpty()) {
        throw new IllegalStateException(String.join("; ", problems));
      }
      return new RouteTable(entries);
    }

    /** Freezes the router without a table (the registration failed or timed out). */
    public synchronized void close() {
      built = true;
    }
  }
}
