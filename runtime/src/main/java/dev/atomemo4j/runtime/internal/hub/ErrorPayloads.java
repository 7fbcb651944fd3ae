package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.pipeline.Codec;
import dev.atomemo4j.core.pipeline.ErrorCodes;
import dev.atomemo4j.core.pipeline.RequestFailure;
import dev.atomemo4j.core.pipeline.Secrets;
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
 * Builds the {@code error} objects of {@code <event>_error} (hub-protocol §11): always {@code code} and
 * {@code message}; {@code name} (the exception class) for the plugin's exceptions; {@code stack} only with
 * {@code DEBUG=true}. Every text passes through the request's {@link Secrets} first.
 */
final class ErrorPayloads {

  private static final Logger log = LoggerFactory.getLogger(ErrorPayloads.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_STACK_CHARS = 16 * 1024;

  private ErrorPayloads() {}

  static ObjectNode error(String code, String message) {
    ObjectNode e = NODES.objectNode();
    e.put("code", code);
    e.put("message", message);
    return e;
  }

  /** The error object for {@code failure}, which ended the request. */
  static ObjectNode of(Throwable failure, Secrets secrets, boolean withStack) {
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

  /** §11: the plugin's own code and message, with its details as further members (not overriding those two). */
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
      var out = NODES.arrayNode();
      node.forEach(n -> out.add(scrub(n, secrets)));
      return out;
    }
    return node;
  }

  /** The failure the plugin's code threw, without the future wrappers around it. */
  static Throwable unwrap(Throwable t) {
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

  static boolean isCancellation(Throwable t) {
    return unwrap(t) instanceof CancellationException;
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
