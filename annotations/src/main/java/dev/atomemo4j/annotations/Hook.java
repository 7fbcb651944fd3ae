package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A hook of an Atlas plugin: the host calls the method at its {@link HookPoint} (atlas-features.md §7), in plugin
 * registration order, only while the plugin is healthy and enabled, each call under a deadline.
 *
 * <p>On a public instance method of the {@link Plugin} class. The parameter and return types are fixed per point
 * (see {@link HookPoint}), for example {@code public QueryRewrite limitRows(QueryEvent event)}; a second parameter
 * of type {@code PluginContext} is optional. The processor rejects any other signature.
 *
 * <p>Before-hooks ({@link HookPoint#mutable()}) rewrite by returning a rewrite, pass by returning null or nothing,
 * and reject by throwing (the message reaches the caller); a timeout rejects too (fail closed). Failures and
 * timeouts of the other hooks are logged and change nothing.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Hook {

  /** Where the hook runs. */
  HookPoint value();

  /** The deadline in milliseconds; 0 means the host's default for hooks. Capped by the host maximum. */
  long timeoutMs() default 0;

  /**
   * The name of a public method of the same class, {@code boolean name(<the point's event type>)}, that decides per
   * event whether this hook runs; empty: always. A matcher that throws skips the hook for that event (logged).
   */
  String matcher() default "";
}
