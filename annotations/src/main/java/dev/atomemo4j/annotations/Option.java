package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An option of a select, radio group or multi-select ({@code ui.options}). */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Option {
  /** The value, as JSON text: {@code "\"iso\""} for a string, {@code "3"} for a number; or a bare word for a string. */
  String value();

  /** The {@code en_US} label. */
  String label();

  String icon() default "";
}
