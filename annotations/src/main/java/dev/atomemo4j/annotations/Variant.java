package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A variant of a {@link Union}: its discriminator constant, and the {@code en_US} label shown for it. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Variant {
  /** The discriminator constant, e.g. {@code "markdown"}. */
  String value();

  String label() default "";
}
