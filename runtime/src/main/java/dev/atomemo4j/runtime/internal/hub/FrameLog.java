package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.pipeline.Secrets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code DEBUG} on (hub-protocol §12), logs the payloads of the requests received and the answers sent, at
 * INFO level on logger {@value #LOGGER}, redacted. INFO, so that {@code DEBUG=true} shows frames whatever the
 * logging setup (slf4j-simple and most configurations default to INFO); silence them by turning that one logger
 * off. Redaction:
 *
 * <ul>
 *   <li>every value inside {@code credentials}, {@code credential} and {@code parameters_patch} is masked, keys
 *       kept;
 *   <li>members whose name says secret ({@code api_key}, {@code access_token}, {@code refresh_token},
 *       {@code client_secret}, {@code password}, {@code secret}, {@code token}, {@code authorization}) are masked
 *       wherever they are;
 *   <li>any string equal to a known secret of the request is masked;
 *   <li>file contents and other long strings are shortened.
 * </ul>
 *
 * Redaction works on a copy; the payload itself is never changed.
 */
final class FrameLog {

  /** The logger frames go to. */
  static final String LOGGER = "dev.atomemo4j.frames";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> MASK_ALL_INSIDE = Set.of("credentials", "credential", "parameters_patch");
  private static final Set<String> SECRET_NAMES = Set.of("api_key", "apikey", "access_token", "refresh_token",
      "client_secret", "password", "secret", "token", "authorization", "presigned_url");
  private static final int MAX_STRING = 200;
  private static final int MAX_DEPTH = 20;

  private final boolean enabled;

  FrameLog(boolean enabled) {
    this.enabled = enabled;
  }

  boolean enabled() {
    return enabled && log.isInfoEnabled();
  }

  void received(String event, JsonNode payload, Secrets secrets) {
    if (enabled()) {
      log.info("<- {} {}", event, redact(payload, secrets));
    }
  }

  void sent(String event, JsonNode payload, Secrets secrets) {
    if (enabled()) {
      log.info("-> {} {}", event, redact(payload, secrets));
    }
  }

  /** A redacted copy of {@code node}, as compact JSON text. */
  static String redact(JsonNode node, Secrets secrets) {
    return copy(node, secrets, false, 0).toString();
  }

  private static JsonNode copy(JsonNode node, Secrets secrets, boolean maskAll, int depth) {
    if (depth > MAX_DEPTH) {
      return NODES.textNode("…");
    }
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      for (Map.Entry<String, JsonNode> m : node.properties()) {
        String key = secrets.scrub(m.getKey()); // a map key may be a secret too
        boolean maskInside = maskAll || MASK_ALL_INSIDE.contains(key);
        if (SECRET_NAMES.contains(key.toLowerCase(Locale.ROOT)) && !m.getValue().isContainerNode()) {
          out.put(key, Secrets.MASK);
        } else {
          out.set(key, copy(m.getValue(), secrets, maskInside, depth + 1));
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      for (JsonNode item : node) {
        out.add(copy(item, secrets, maskAll, depth + 1));
      }
      return out;
    }
    if (maskAll && !node.isNull()) {
      return NODES.textNode(Secrets.MASK);
    }
    if (node.isTextual()) {
      String s = node.textValue();
      if (secrets.isSecret(s)) {
        return NODES.textNode(Secrets.MASK);
      }
      s = secrets.scrub(s);
      return s.length() > MAX_STRING ? NODES.textNode(s.substring(0, MAX_STRING) + "…(" + s.length() + " chars)")
          : NODES.textNode(s);
    }
    return node;
  }
}
