package dev.atomemo4j.annotations;

/** Whether a parameter is required, and whether {@code definition.json} says so. */
public enum Required {
  /**
   * From the Java type: {@code Optional}, {@code OptionalInt}/{@code Long}/{@code Double}, a {@code @Nullable}
   * annotation (any package, declaration or type use) or a {@link Param#defaultValue()} make it optional and write
   * {@code "required": false}; anything else is required and writes {@code "required": true}.
   */
  AUTO,
  /** Required; writes {@code "required": true}. */
  TRUE,
  /** Optional; writes {@code "required": false}. */
  FALSE,
  /** Optional, and writes no {@code required} member at all (the Hub reads an absent member as optional). */
  UNSTATED
}
