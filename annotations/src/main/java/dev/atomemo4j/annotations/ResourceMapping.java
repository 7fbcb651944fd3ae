package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers {@code resource_mapping} for the tools of the same class: a method taking a {@code MappingRequest} and
 * returning {@code ResourceFields}. A {@code ResourceMapper} parameter names it with {@link Mapper}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ResourceMapping {
  /** The method name on the wire; empty means the Java method name. */
  String value() default "";
}
