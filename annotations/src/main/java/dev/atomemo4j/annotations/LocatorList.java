package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers {@code locator_list} for the tools of the same class: a method taking a {@code LocatorRequest} and
 * returning a {@code LocatorPage}. Its name is the {@code search_list_method} a {@code ResourceLocator}
 * parameter refers to (see {@link Locator}); every such method must be referred to.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface LocatorList {
  /** The method name on the wire (a property-style name); empty means the Java method name. */
  String value() default "";
}
