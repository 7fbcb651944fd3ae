package dev.atomemo4j.benchmarks.reflect;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The runtime-retained twin of {@code @Tool}, read by the reflection baseline (see {@link RPlugin}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RTool {
  String name();

  String displayName();

  String description();

  String icon() default "";

  String skill() default "";

  long timeoutSeconds() default 0;
}
