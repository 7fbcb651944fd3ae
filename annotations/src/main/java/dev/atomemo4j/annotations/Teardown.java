package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when the host stops, in reverse registration order (LIFO). Signature: {@code public void name()}. A failure or a timeout is logged and the next plugin is torn down. Resources registered with {@code PluginContext.closeOnTeardown} are closed after it. Default deadline 10 s.
 *
 * <p>On a public instance method of the {@link Plugin} class; at most one per plugin. The processor checks the
 * signature and reports a wrong one on the method.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Teardown {

  /** The deadline in milliseconds; 0 means the host's default for this kind of call. Capped by the host maximum. */
  long timeoutMs() default 0;
}
