package dev.atomemo4j.core.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Set;

/** The config a host was given for one plugin, before validation: none, a typed record, or a JSON/YAML object. */
public sealed interface ConfigInput {

  /** No config given. */
  ConfigInput NONE = new None();

  /** A config record built in Java ({@code PluginHost.builder().plugin(MyPlugin.class, new MyConfig(…))}). */
  static ConfigInput typed(Object record) {
    return record == null ? NONE : new Typed(record);
  }

  /** A config object read from a file or a request; a null, missing or JSON-null node counts as none. */
  static ConfigInput tree(JsonNode node) {
    return tree(node, Set.of());
  }

  /**
   * A config object some of whose keys must never be quoted, although they are not secret fields: a host file's
   * keys whose values came from environment variables.
   */
  static ConfigInput tree(JsonNode node, Set<String> unquotedKeys) {
    return node == null || node.isMissingNode() || node.isNull() ? NONE : new Tree(node, unquotedKeys);
  }

  /** No config. */
  record None() implements ConfigInput {}

  /** A record instance; validated by running the generated checks on each component. */
  record Typed(Object value) implements ConfigInput {
    public Typed {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A JSON tree; decoded with the config's shape, then checked, then constructed.
   *
   * @param unquotedKeys top-level keys whose values no message may quote (as for secret fields)
   */
  record Tree(JsonNode node, Set<String> unquotedKeys) implements ConfigInput {
    public Tree {
      Objects.requireNonNull(node, "node");
      unquotedKeys = Set.copyOf(unquotedKeys);
    }
  }
}
