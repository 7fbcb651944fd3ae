package dev.atomemo4j.core.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.atomemo4j.runtime.internal.shape.EncodeException;
import dev.atomemo4j.runtime.internal.shape.ShapeEncoder;
import dev.atomemo4j.runtime.spi.ConfigBinding;
import dev.atomemo4j.runtime.spi.Shape;
import java.util.HashMap;
import java.util.Map;

/**
 * A plugin's validated config as JSON for admin answers, with every secret component replaced by {@link #MASK}
 * (or null when unset). Encoded through the generated shapes and accessors: no reflection.
 */
public final class MaskedConfig {
  /** What a set secret shows. */
  public static final String MASK = "********";

  private MaskedConfig() {}

  /** The config of {@code instance}, masked; JSON null when it has none. */
  public static JsonNode of(PluginInstance instance) {
    ConfigBinding binding = instance.descriptor().atlas().config();
    Object config = instance.config();
    if (binding == null || config == null) {
      return NullNode.getInstance();
    }
    Map<String, Shape> shapes = new HashMap<>();
    for (Shape.Field field : binding.shape().fields()) {
      shapes.put(field.name(), field.shape());
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (ConfigBinding.Component component : binding.components()) {
      Object value = component.accessor().apply(config);
      Shape shape = shapes.get(component.key());
      boolean secret = component.secret() || shape instanceof Shape.SecretStr
          || (shape instanceof Shape.Opt opt && opt.inner() instanceof Shape.SecretStr);
      if (value == null || (value instanceof java.util.Optional<?> o && o.isEmpty())) {
        out.set(component.key(), NullNode.getInstance());
      } else if (secret) {
        out.set(component.key(), TextNode.valueOf(MASK));
      } else {
        try {
          out.set(component.key(), shape == null ? ShapeEncoder.encode(value) : ShapeEncoder.encode(value, shape));
        } catch (EncodeException e) {
          // e.g. a Secret nested in a non-secret component: never shown.
          out.set(component.key(), TextNode.valueOf(MASK));
        }
      }
    }
    return out;
  }
}
