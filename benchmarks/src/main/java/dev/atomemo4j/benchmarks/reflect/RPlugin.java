package dev.atomemo4j.benchmarks.reflect;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The runtime-retained twin of {@code @Plugin} (the attributes the benchmark plugins use), read by the reflection
 * baseline. atomemo4j's own annotations are {@code CLASS}-retained and so invisible to reflection; a reflection-based
 * SDK would declare its annotations {@code RUNTIME}, as these are.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RPlugin {
  String name();

  String displayName();

  String description();

  String icon();

  String version() default "";

  String lang() default "java";

  String repo() default "";

  String[] locales() default {"en-US"};

  Class<?>[] tools() default {};

  Class<?>[] credentials() default {};
}
