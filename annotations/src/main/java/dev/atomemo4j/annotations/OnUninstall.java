package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called before an install is removed, so the plugin can revoke webhooks or grants. Signature: {@code public void name(String workspaceId)}. Best-effort; default deadline 15 s.
 *
 * <p>On a public instance method of the {@link Plugin} class; at most one per plugin. The processor checks the
 * signature and reports a wrong one on the method.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnUninstall {

  /** The deadline in milliseconds; 0 means the host's default for this kind of call. Capped by the host maximum. */
  long timeoutMs() default 0;
}
