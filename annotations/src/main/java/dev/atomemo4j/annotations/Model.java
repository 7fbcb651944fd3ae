package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An LLM the Hub can run with the auth spec of one of the plugin's credentials. Put one {@code @Model} per model on
 * the {@link Plugin} class; they are written in the order given.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Model.List.class)
public @interface Model {
  /** Letters, digits, {@code _ . - /}; e.g. {@code gpt-4.1-mini}. */
  String name();

  String displayName();

  String description();

  String icon() default "";

  /** Only {@code llm} exists today. */
  String modelType() default "llm";

  /** An http(s) URL; empty to omit. */
  String defaultEndpoint() default "";

  /** file, image, text. */
  String[] inputModalities() default {"text"};

  /** text. */
  String[] outputModalities() default {"text"};

  Pricing pricing() default @Pricing(currency = "");

  Bounds temperature() default @Bounds;

  Bounds frequencyPenalty() default @Bounds;

  Bounds maxTokens() default @Bounds;

  /** The default verbosity: low, medium or high; empty to omit. */
  String verbosity() default "";

  /** Parameters the model does not support, e.g. {@code "parallel_tool_calls"}. */
  String[] unsupportedParameters() default {};

  /** Prices; NaN (the default) omits a member, and a pricing with nothing set is omitted. */
  @Retention(RetentionPolicy.CLASS)
  @Target({})
  @interface Pricing {
    String currency() default "";

    double input() default Double.NaN;

    double inputCacheRead() default Double.NaN;

    double inputCacheWrite() default Double.NaN;

    double output() default Double.NaN;

    double request() default Double.NaN;
  }

  /** An override of a model parameter's default and range; NaN omits a member. */
  @Retention(RetentionPolicy.CLASS)
  @Target({})
  @interface Bounds {
    double defaultValue() default Double.NaN;

    double maximum() default Double.NaN;

    double minimum() default Double.NaN;
  }

  /** The container of repeated {@code @Model}s. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Model[] value();
  }
}
