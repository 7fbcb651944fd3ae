package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The modes of a {@code ResourceLocator} parameter: pick from a list (answered by a {@link LocatorList} method),
 * paste a URL (the id is extracted by a regex), or type an id. Display names and placeholders are {@code en_US};
 * their translation keys are {@code <param key>.mode.<list|url|id>.display_name|placeholder}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Locator {
  /** The {@link LocatorList} method for the list mode; empty for no list mode. */
  String list() default "";

  /** Whether the list can be searched. */
  boolean searchable() default false;

  /** The regex extracting the id from a URL for the url mode; empty for no url mode. */
  String urlRegex() default "";

  /** Whether an id may be typed. */
  boolean id() default true;

  /** The order of the modes, by type ({@code {"url", "list", "id"}}); empty means list, url, id. */
  String[] order() default {};

  String listDisplayName() default "";

  String listPlaceholder() default "";

  String urlDisplayName() default "";

  String urlPlaceholder() default "";

  String idDisplayName() default "";

  String idPlaceholder() default "";
}
