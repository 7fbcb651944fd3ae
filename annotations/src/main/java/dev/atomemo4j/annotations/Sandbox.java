package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The backend factory of a sandbox plugin (atlas-features.md §2.5, §11): the host calls it to get the backend that
 * runs the agent's explore commands over the semantic layer. Signature:
 * {@code public ExploreBackend create(Path semanticRoot) throws Exception} (any throws clause). Makes the plugin of
 * type {@link PluginType#SANDBOX}; at most one per plugin.
 *
 * <p>The host tries the healthy, enabled sandbox backends and its built-in ones by {@link #priority()}, highest
 * first, skipping those whose declared capabilities its security policy refuses; the first whose {@code create}
 * succeeds is used until it becomes unhealthy. Without a {@link HealthCheck}, the plugin's health is "a backend can
 * be created (on an empty directory) and closed within 30 s".
 *
 * <p>The three capability flags are a declaration, not a proof: the host trusts them to decide whether its policy
 * allows the backend, so declare {@code true} only for what the backend enforces.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Sandbox {

  /** The lowest allowed priority. */
  int MIN_PRIORITY = 0;
  /** The highest allowed priority. */
  int MAX_PRIORITY = 1000;

  /**
   * Where the backend stands among all backends, plugins' and built-in, {@value #MIN_PRIORITY} to
   * {@value #MAX_PRIORITY}, highest tried first. For reference: Atlas's nsjail 75, the built-in bubblewrap 60,
   * Atlas's sidecar 50, the built-in plain process 0. Ties: plugins in registration order, then built-ins.
   */
  int priority() default 60;

  /** The command cannot open network connections (no route out, not even to the host's loopback). */
  boolean networkIsolation();

  /** The command sees the semantic root read-only and cannot write outside a private scratch directory. */
  boolean filesystemIsolation();

  /** The command runs without privileges: no capabilities, no way to gain new ones. */
  boolean unprivilegedExecution();

  /** How the backend isolates, for operators (logged when it is chosen, shown on the admin API). */
  String description() default "";
}
