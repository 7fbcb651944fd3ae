package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A variant of a {@link Union}: its discriminator constant, the {@code en_US} label shown for it, and optionally
 * how the variant object and its discriminator property are written.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Variant {
  /** The discriminator constant, e.g. {@code "markdown"}. */
  String value();

  String label() default "";

  /** The variant object's {@code name}; empty derives it from the constant ({@code "rawHtml"} → {@code "rawhtml"}). */
  String name() default "";

  /**
   * The variant object's own members: {@code displayName}, {@code hint}, {@code component}
   * ({@code collapsible-panel}, …) and the other UI attributes. Name, type and value attributes do not apply.
   */
  Param object() default @Param;

  /**
   * The discriminator property's members: {@code displayName}, {@code required} (default: {@code true}), and UI
   * attributes. Without a {@code component} it has no {@code ui}.
   */
  Param discriminator() default @Param;
}
