package dev.atomemo4j.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.runtime.internal.shape.DecodeContext;
import dev.atomemo4j.runtime.internal.shape.Decoded;
import dev.atomemo4j.runtime.internal.shape.Problem;
import dev.atomemo4j.runtime.internal.shape.ShapeDecoder;
import dev.atomemo4j.runtime.internal.shape.ShapeEncoder;
import dev.atomemo4j.runtime.spi.CredentialBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place the pipeline touches the shape engine ({@code internal.shape}): decoding parameters and credential
 * values, encoding results. Failures come back as {@link RequestFailure}s ready to send, with {@code problems:
 * [{pointer, message}]} for invalid input. For front ends, not for plugin authors.
 */
public final class Codec {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Codec() {}

  /** Credential name → the shape of its values, for {@link Shape.CredentialRef} parameters. */
  public static Function<String, Shape.Obj> credentialShapes(PluginDescriptor descriptor) {
    Map<String, Shape.Obj> shapes = new HashMap<>();
    for (CredentialBinding c : descriptor.credentials()) {
      shapes.put(c.name(), c.values());
    }
    return shapes::get;
  }

  /**
   * Validates and decodes a tool's {@code parameters}, resolving credential parameters through the request's
   * {@code credentials} (instance id → values; null means none).
   *
   * @param what names the target in the message, e.g. {@code tool `search`}
   */
  public static Object decodeParameters(Shape.Obj input, JsonNode parameters, JsonNode credentials,
      PluginDescriptor descriptor, String what, Secrets secrets) throws RequestFailure {
    Decoded d = ShapeDecoder.decodeParameters(input, parameters,
        DecodeContext.of(credentials, credentialShapes(descriptor)).masking(secrets::scrub));
    return valueOrFail(d, "invalid parameters for " + what, "", secrets);
  }

  /**
   * Decodes the stored values of a credential, for a credential callback; problem pointers start with
   * {@code /credential}, where the values sit in every request that carries them.
   */
  public static Object decodeCredential(CredentialBinding credential, JsonNode values, Secrets secrets)
      throws RequestFailure {
    Decoded d = ShapeDecoder.decodeCredential(credential.values(),
        values == null || values.isNull() || values.isMissingNode() ? NODES.objectNode() : values);
    return valueOrFail(d, "invalid values of credential `" + credential.name() + "`", "/credential", secrets);
  }

  private static Object valueOrFail(Decoded d, String what, String pointerPrefix, Secrets secrets)
      throws RequestFailure {
    if (d.isOk()) {
      return d.value();
    }
    List<Problem> problems = d.problems();
    ArrayNode list = NODES.arrayNode();
    StringBuilder message = new StringBuilder(what).append(": ");
    for (int i = 0; i < problems.size(); i++) {
      Problem p = problems.get(i);
      String pointer = secrets.scrubPointer(pointerPrefix + p.pointer());
      String text = secrets.scrub(p.message());
      ObjectNode item = list.addObject();
      item.put("pointer", pointer);
      item.put("message", text);
      if (i < 10) {
        message.append(i == 0 ? "" : "; ").append(pointer.isEmpty() ? "(root)" : pointer).append(": ").append(text);
      } else if (i == 10) {
        message.append("; and ").append(problems.size() - 10).append(" more");
      }
    }
    return fail(message.toString(), list);
  }

  private static Object fail(String message, ArrayNode problems) throws RequestFailure {
    throw new RequestFailure(ErrorCodes.INVALID_PARAMETER, message, Map.of("problems", problems));
  }

  /** Encodes a Java value: with the tool's output shape when there is one, generically otherwise. */
  public static JsonNode encode(Object value, Shape shape) throws RequestFailure {
    try {
      return ShapeEncoder.encode(value, shape);
    } catch (RuntimeException e) {
      throw new RequestFailure(ErrorCodes.INVALID_RETURN,
          "the result cannot be sent as JSON: " + e.getMessage());
    }
  }
}
