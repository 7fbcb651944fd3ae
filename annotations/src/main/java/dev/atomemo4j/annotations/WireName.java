package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON value of an enum constant ({@code @WireName("iso") ISO}); without it the constant's name in lower case is
 * used. Jackson's {@code @JsonProperty} on a constant is honoured the same way. An optional {@code label} is the
 * option's {@code en_US} label in the UI (default: the wire name).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface WireName {
  String value();

  String label() default "";
}
