package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An explicit step of the plugin's schema, for what the declared tables cannot say: a rename, a drop, a data
 * change. Signature: {@code public static void name(MigrationStep step)}, on the {@link Plugin} class. The method
 * only describes the step (it is called again at every boot to check the step did not change), so it does nothing
 * but call {@code step}; the host runs what it recorded, after the declared columns of the same version, in the
 * version's transaction.
 *
 * <pre>{@code
 * @Migration(version = 3, description = "body is called text now")
 * public static void renameBody(MigrationStep step) {
 *   step.renameColumn("note", "body", "text");
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Migration {
  /** The schema version this step belongs to: 1 to {@link Plugin#schemaVersion()}, one step per version. */
  int version();

  /** What the step does, stored with it in {@code plugin_migrations}. */
  String description() default "";
}
