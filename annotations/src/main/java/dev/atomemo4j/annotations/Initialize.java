package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called once when the host boots the plugin, in registration order, after its config was validated and its tables migrated. Signature: {@code public void name()} or {@code public void name(PluginContext context)}, may throw. A failure or a timeout leaves the plugin {@code unhealthy} and boot goes on, unless the plugin is {@link Plugin#required()}. Default deadline 30 s.
 *
 * <p>On a public instance method of the {@link Plugin} class; at most one per plugin. The processor checks the
 * signature and reports a wrong one on the method.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Initialize {

  /** The deadline in milliseconds; 0 means the host's default for this kind of call. Capped by the host maximum. */
  long timeoutMs() default 0;
}
