package dev.atomemo4j.benchmarks.reflect;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The runtime-retained twin of {@code @Param} (the attributes the benchmark plugins use, same names and "not set"
 * conventions: {@code ""}, {@code -1}, {@code NaN}), read by the reflection baseline (see {@link RPlugin}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface RParam {
  String name() default "";

  String displayName() default "";

  String hint() default "";

  String placeholder() default "";

  String llmDescription() default "";

  String component() default "";

  String width() default "";

  boolean supportExpression() default false;

  String defaultValue() default "";

  double minimum() default Double.NaN;

  double maximum() default Double.NaN;

  int minLength() default -1;

  int maxLength() default -1;

  int minItems() default -1;

  int maxItems() default -1;
}
