package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Re-reads what the {@link ContextProvider} serves (a changed file, a rotated credential). Signature: {@code public void name()}. Called by the host's {@code refresh(id)} (API and HTTP), after which the context is loaded again. Needs a {@link ContextProvider} in the same plugin. Default deadline 30 s.
 *
 * <p>On a public instance method of the {@link Plugin} class; at most one per plugin. The processor checks the
 * signature and reports a wrong one on the method.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Refresh {

  /** The deadline in milliseconds; 0 means the host's default for this kind of call. Capped by the host maximum. */
  long timeoutMs() default 0;
}
