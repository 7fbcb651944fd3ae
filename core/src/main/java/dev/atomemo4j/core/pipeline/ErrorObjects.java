package dev.atomemo4j.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.runtime.ToolException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON error object of a failed request, the same for every front end (hub-protocol §11 defines it for the
 * Hub; MCP sends it as a tool error's text): always {@code code} and {@code message}; a {@link RequestFailure}'s
 * members (such as {@code problems}); a {@link ToolException}'s details as further members; the exception class as
 * {@code name} for any other exception, and its {@code stack} only when asked. Every text passes through the
 * request's {@link Secrets} first. For front ends, not for plugin authors.
 */
public final class ErrorObjects {

  private static final Logger log = LoggerFactory.getLogger(ErrorObjects.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_STACK_CHARS = 16 * 1024;

  private ErrorObjects() {}

  /** {@code {code, message}}. */
  public static ObjectNode error(String code, String message) {
    ObjectNode e = NODES.objectNode();
    e.put("code", code);
    e.put("message", message);
    return e;
  }

  /** The error object for {@code failure}, which ended the request. */
  public static ObjectNode of(Throwable failure, Secrets secrets, boolean withStack) {
    Throwable t = unwrap(failure);
    if (t instanceof RequestFailure) {
      RequestFailure f = (RequestFailure) t;
      ObjectNode e = error(f.code(), secrets.scrub(f.getMessage()));
      for (Map.Entry<String, JsonNode> m : f.members().entrySet()) {
        e.set(m.getKey(), m.getValue());
      }
      return e;
    }
    if (t instanceof ToolException) {
      return toolException((ToolException) t, secrets);
    }
    ObjectNode e = error(ErrorCodes.EXCEPTION, secrets.scrub(messageOf(t)));
    e.put("name", t.getClass().getName());
    if (withStack) {
      e.put("stack", stackOf(t, secrets));
    }
    return e;
  }

  /** The failure the plugin's code threw, without the future wrappers around it. */
  public static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    for (int i = 0; i < 10; i++) {
      if ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
        cur = cur.getCause();
      } else {
        break;
      }
    }
    return cur;
  }

  /** Whether {@code t} is, under its wrappers, a cancellation. */
  public static boolean isCancellation(Throwable t) {
    return unwrap(t) instanceof CancellationException;
  }

  /** The plugin's own code and message, with its details as further members (not overriding those two). */
  private static ObjectNode toolException(ToolException t, Secrets secrets) {
    ObjectNode e = error(t.code(), secrets.scrub(messageOf(t)));
    if (!t.details().isEmpty()) {
      try {
        JsonNode details = Codec.encode(t.details(), null);
        for (Map.Entry<String, JsonNode> m : details.properties()) {
          if (!e.has(m.getKey())) {
            e.set(m.getKey(), scrub(m.getValue(), secrets));
          }
        }
      } catch (RequestFailure unencodable) {
        log.warn("details of ToolException {} cannot be sent as JSON; sending code and message only: {}",
            t.code(), unencodable.getMessage());
      }
    }
    return e;
  }

  private static JsonNode scrub(JsonNode node, Secrets secrets) {
    if (secrets.isEmpty()) {
      return node;
    }
    if (node.isTextual()) {
      return NODES.textNode(secrets.scrub(node.textValue()));
    }
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      node.properties().forEach(m -> out.set(m.getKey(), scrub(m.getValue(), secrets)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(n -> out.add(scrub(n, secrets)));
      return out;
    }
    return node;
  }

  private static String messageOf(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }

  /** Masked before it is cut, so a secret across the cut cannot pass half-masked. */
  private static String stackOf(Throwable t, Secrets secrets) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    String s = secrets.scrub(out.toString());
    return s.length() > MAX_STACK_CHARS ? s.substring(0, MAX_STACK_CHARS) + "\n\t..." : s;
  }
}
