package dev.atomemo4j.annotations;

/**
 * The five kinds of Atlas plugin (atlas-features.md §2). A plugin may be of several types; it declares them in
 * {@link Plugin#types()} and the processor checks the declaration both ways against what the plugin contains (a
 * declared type needs the element that provides it, and an element needs its type declared).
 *
 * <p>The one copy of this enum: the processor, the host and every front end use it, so nothing is kept in sync by
 * hand.
 */
public enum PluginType {
  /** Answers queries ({@code @Datasource}). */
  DATASOURCE("datasource"),
  /** Adds text to the agent's system prompt ({@link ContextProvider}). */
  CONTEXT("context"),
  /** Serves HTTP routes under the plugin's prefix ({@code @Routes}). */
  INTERACTION("interaction"),
  /** Offers actions that run only after the approval their mode requires ({@code @Action}). */
  ACTION("action"),
  /** Runs explore commands in an isolated backend ({@code @Sandbox}). */
  SANDBOX("sandbox");

  private final String wireName;

  PluginType(String wireName) {
    this.wireName = wireName;
  }

  /** The name Atlas and the plugin manifest use: {@code datasource}, {@code context}, … */
  public String wireName() {
    return wireName;
  }

  /** The type of a wire name, or null when there is none. */
  public static PluginType ofWireName(String name) {
    for (PluginType t : values()) {
      if (t.wireName.equals(name)) {
        return t;
      }
    }
    return null;
  }
}
