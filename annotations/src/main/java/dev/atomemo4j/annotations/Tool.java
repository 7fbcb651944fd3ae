package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A tool the Hub can invoke.
 *
 * <p>On a method: its parameters are the tool's parameters, each named with {@link Param#name()} or, by default,
 * after its Java name in snake_case, or the method takes a single record whose components are the parameters. A
 * parameter of type {@code ToolContext} receives the invocation context and is not a tool parameter. The method
 * may be static, or an instance method of a class with a public no-argument constructor. It may return any value
 * that maps to JSON, or a {@code CompletableFuture} of one.
 *
 * <p>On a class: the class has a public no-argument constructor and exactly one public method named
 * {@code invoke}, read as above.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Tool {

  /** 5–65 letters, digits, {@code _} or {@code -}; the {@code tool_name} of Hub requests. */
  String name();

  /** The {@code en_US} display name. */
  String displayName();

  /** The {@code en_US} description. */
  String description();

  /** An emoji, a URL or a platform symbol. */
  String icon() default "";

  /** Markdown for the AI describing inputs and outputs. */
  String skill() default "";

  /** A classpath resource holding the skill Markdown, e.g. {@code "skills/get-current-time.md"}. */
  String skillResource() default "";

  /**
   * How long one invocation may run before the runtime answers {@code sdk:timeout}; 0 means the runtime default
   * (30 minutes, as the Elixir SDK). Runtime configuration only: never written to {@code definition.json}.
   */
  long timeoutSeconds() default 0;

  /**
   * The tool only reads: it changes nothing in its environment. An MCP client may run it without asking
   * ({@code readOnlyHint}). Like the other hints below, it is written only when you set it (an unset hint is
   * unknown to the client, whatever the default here), goes to the generated registry and the plugin manifest,
   * and never to {@code definition.json}.
   */
  boolean readOnly() default false;

  /** A change the tool makes may destroy data or be hard to undo ({@code destructiveHint}); read when not readOnly. */
  boolean destructive() default true;

  /** Calling it again with the same arguments changes nothing more ({@code idempotentHint}). */
  boolean idempotent() default false;

  /** It reaches an open world (the internet, other people's systems), not a closed one ({@code openWorldHint}). */
  boolean openWorld() default true;
}
