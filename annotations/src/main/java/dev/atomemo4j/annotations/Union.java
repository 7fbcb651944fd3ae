package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sealed interface whose permitted records are the variants of a {@code discriminated_union}. Each record
 * carries {@link Variant} with its discriminator constant; the discriminator is a property the processor adds to
 * each variant. Allowed as list elements and map values only, as the format requires.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Union {
  /** The discriminator property name, e.g. {@code "type"}. */
  String discriminator();

  /**
   * The component of {@code discriminator_ui}: select, radio-group or switch; empty writes no
   * {@code discriminator_ui} at all.
   */
  String component() default "select";

  /** Whether {@code discriminator_ui} lists the variants' labels as {@code options}. */
  boolean options() default true;
}
