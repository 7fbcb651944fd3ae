package dev.atomemo4j.runtime.datasource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One semantic-layer fragment of a datasource (Atlas {@code { name, yaml }}): what a table means, for the agent.
 * Its {@code table:} key (else its name) puts that table on the datasource's whitelist.
 */
public record Entity(String name, String yaml) {

  public Entity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(yaml, "yaml");
    if (name.isBlank()) {
      throw new IllegalArgumentException("an entity needs a name");
    }
  }

  /**
   * An entity whose YAML is a classpath resource of {@code anchor}'s loader, e.g. {@code Entity.resource("orders",
   * ShopPlugin.class, "entities/orders.yml")}.
   *
   * @throws IllegalArgumentException when the resource is missing
   */
  public static Entity resource(String name, Class<?> anchor, String path) {
    ClassLoader loader = anchor.getClassLoader();
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("entity " + name + ": no resource " + path + " on the classpath of "
            + anchor.getName());
      }
      return new Entity(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
