package dev.atomemo4j.runtime.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.runtime.spi.Shape;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a decode needs beyond the value itself: the request's {@code credentials} (credential instance id → the
 * instance's decrypted values, hub-protocol §8.1) and the plugin's credential shapes, for
 * {@link Shape.CredentialRef} parameters. Build one per request; it is immutable.
 */
public final class DecodeContext {
  /** No credentials sent and none declared. */
  public static final DecodeContext EMPTY = new DecodeContext(id -> null, name -> null);

  private final Function<String, JsonNode> credentials;
  private final Function<String, Shape.Obj> credentialShapes;
  private final java.util.function.UnaryOperator<String> masker;

  private DecodeContext(Function<String, JsonNode> credentials, Function<String, Shape.Obj> credentialShapes) {
    this(credentials, credentialShapes, java.util.function.UnaryOperator.identity());
  }

  private DecodeContext(Function<String, JsonNode> credentials, Function<String, Shape.Obj> credentialShapes,
      java.util.function.UnaryOperator<String> masker) {
    this.credentials = credentials;
    this.credentialShapes = credentialShapes;
    this.masker = masker;
  }

  /**
   * This context, masking the request's secrets in every value a problem message quotes, before the value is
   * shortened: a secret cut first would pass half-masked.
   */
  public DecodeContext masking(java.util.function.UnaryOperator<String> mask) {
    return new DecodeContext(credentials, credentialShapes, Objects.requireNonNull(mask, "mask"));
  }

  /** {@code text} with the request's secrets masked. */
  String mask(String text) {
    return masker.apply(text);
  }

  /**
   * @param credentials instance id → that instance's values (an object node)
   * @param credentialShapes credential name → the shape of its values, null when the plugin declares no such
   *     credential
   */
  public static DecodeContext of(Map<String, JsonNode> credentials, Function<String, Shape.Obj> credentialShapes) {
    Map<String, JsonNode> copy = Map.copyOf(credentials);
    Objects.requireNonNull(credentialShapes, "credentialShapes");
    return new DecodeContext(copy::get, credentialShapes);
  }

  /**
   * From the request's {@code credentials} member as received; null, missing or JSON null mean none were sent
   * (hub-protocol §8.2: "may be absent (treat as {})"). The node is read, not copied: do not mutate it while
   * decoding.
   */
  public static DecodeContext of(JsonNode credentials, Function<String, Shape.Obj> credentialShapes) {
    Objects.requireNonNull(credentialShapes, "credentialShapes");
    if (credentials == null || !credentials.isObject()) {
      return new DecodeContext(id -> null, credentialShapes);
    }
    return new DecodeContext(credentials::get, credentialShapes);
  }

  /** The values of a credential instance, or null when the request did not send it. */
  JsonNode credential(String instanceId) {
    return credentials.apply(instanceId);
  }

  /** The shape of a credential's values, or null when the plugin declares no credential of that name. */
  Shape.Obj credentialShape(String credentialName) {
    return credentialShapes.apply(credentialName);
  }
}
