package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An action of an Atlas plugin of type {@link PluginType#ACTION}: a side effect (open a ticket, send a mail) that
 * runs only after the approval its mode requires, exactly once (atlas-features.md §10, §16 row 1).
 *
 * <p>On a public instance method of the {@code @Plugin} class, so the body sees the plugin's config and state.
 * Parameters and result are read exactly as for {@link Tool}: parameters named with {@link Param#name()}, or one
 * record whose components are the parameters, and an optional {@code ToolContext}. The generated registry calls
 * the method only through the host's approval stage: no other generated path reaches it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Action {

  /** 5–65 letters, digits, {@code _} or {@code -}; unique among the plugin's tools and actions. */
  String name();

  /** What the action does, for the approver and the agent. */
  String description();

  /** A namespaced kind, e.g. {@code "ticket.create"}; the key of per-action settings in a host file. */
  String actionType();

  /** Whether the effect can be undone; shown on the approval card and stored with the request. */
  boolean reversible() default false;

  /** The declared default mode; a host install may override it. */
  Approval approval() default Approval.MANUAL;

  /** Names of the plugin's {@code @Credential}s the action needs; the host refuses it when one is missing. */
  String[] credentials() default {};

  /**
   * The approval card's one line, with {@code {param}} placeholders filled from the input, e.g.
   * {@code "Open a {priority} ticket: {title}"}. Secret parameters are never filled in. Empty: the description.
   */
  String summary() default "";

  /**
   * The deadline of the body in milliseconds, once approved: at it the body's thread is interrupted and the request
   * ends {@code failed} with {@code host:action_timeout}. 0: the host's default for actions (60 s); every deadline
   * is capped at the host's maximum.
   */
  long timeoutMs() default 0;
}
