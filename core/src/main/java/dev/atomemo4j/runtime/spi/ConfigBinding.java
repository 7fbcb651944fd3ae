package dev.atomemo4j.runtime.spi;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A plugin's config record as the processor saw it: the shape that decodes it from JSON (file configs), and per
 * component the accessor and the generated constraint check (typed configs and decoded ones alike). The checks
 * call {@code ConfigChecks} (in this package); no reflection and no Bean Validation provider.
 *
 * <p>Keys are the record component names as written in Java ({@code apiUrl}), as Atlas's config keys are.
 *
 * @param type the config record class
 * @param shape decodes a JSON object into the record; its fields are the components, in order
 * @param components one per record component, in declaration order
 * @param schemaResource classpath path of the config's JSON Schema (2020-12)
 */
public record ConfigBinding(Class<?> type, Shape.Obj shape, List<Component> components, String schemaResource) {

  public ConfigBinding {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(shape, "shape");
    components = List.copyOf(components);
  }

  /**
   * One record component.
   *
   * @param key the config key
   * @param secret whether its value must never be shown (a {@code Secret} component)
   * @param accessor reads the component from a record instance
   * @param check reports every constraint the value breaks; a null value is checked too ({@code @NotNull})
   */
  public record Component(String key, boolean secret, Function<Object, Object> accessor, Check check) {
    public Component {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(accessor, "accessor");
      Objects.requireNonNull(check, "check");
    }
  }

  /** The generated constraint check of one component. */
  @FunctionalInterface
  public interface Check {
    void check(Object value, ConfigViolation.Sink out);
  }
}
