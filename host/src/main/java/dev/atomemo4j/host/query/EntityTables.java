package dev.atomemo4j.host.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.atomemo4j.runtime.datasource.Entity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The table whitelist a datasource's entities make: each entity's top-level {@code table:} key (as Atlas's
 * semantic-layer YAML has it), else its name. An entity whose YAML does not parse is an error at wiring: a
 * whitelist silently missing a table would refuse good queries, one silently missing the file worse.
 */
final class EntityTables {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private EntityTables() {}

  static List<String> of(List<Entity> entities) {
    Set<String> out = new LinkedHashSet<>();
    for (Entity e : entities) {
      out.add(table(e));
    }
    return new ArrayList<>(out);
  }

  static String table(Entity e) {
    if (e.yaml().isBlank()) {
      return e.name();
    }
    JsonNode root;
    try {
      root = YAML.readTree(e.yaml());
    } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
      throw new IllegalArgumentException("entity " + e.name() + ": its YAML does not parse: "
          + x.getOriginalMessage());
    } catch (IOException x) {
      throw new IllegalArgumentException("entity " + e.name() + ": its YAML cannot be read: " + x.getMessage());
    }
    JsonNode table = root == null ? null : root.get("table");
    return table != null && table.isTextual() && !table.asText().isBlank() ? table.asText().strip() : e.name();
  }
}
