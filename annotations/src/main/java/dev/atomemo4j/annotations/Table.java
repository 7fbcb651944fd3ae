package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A table the plugin keeps in the host's storage database: one record, listed in {@link Plugin#tables()}, each
 * component a column ({@link Column} refines it). The host creates it before the plugin's {@link Initialize} as
 * {@code plugin_<plugin id>_<name>} (non-alphanumerics of the id become {@code _}), with three columns of its
 * own: {@code id} (a UUID primary key), {@code created_at} and {@code updated_at} (kept current on every update).
 *
 * <pre>{@code
 * @Table(name = "note")
 * public record Note(@Column(required = true) String title, String body,
 *     @Column(since = 2, defaultValue = "false") boolean pinned) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Table {
  /** The table's name in the plugin: letters, digits and {@code _}, not starting with a digit. */
  String name();

  /**
   * The schema version that creates the table ({@link Plugin#schemaVersion()}); a table added to a plugin whose
   * earlier versions are applied says which version brings it.
   */
  int since() default 1;
}
