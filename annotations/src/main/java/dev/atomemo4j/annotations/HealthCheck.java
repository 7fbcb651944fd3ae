package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A health probe, run by the host on its health loop and on demand. Signature: {@code public HealthResult name()}. The host measures latency, turns an exception into an unhealthy result, and cuts the probe at its deadline (default 5 s); probes of different plugins run concurrently.
 *
 * <p>On a public instance method of the {@link Plugin} class; at most one per plugin. The processor checks the
 * signature and reports a wrong one on the method.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface HealthCheck {

  /** The deadline in milliseconds; 0 means the host's default for this kind of call. Capped by the host maximum. */
  long timeoutMs() default 0;
}
