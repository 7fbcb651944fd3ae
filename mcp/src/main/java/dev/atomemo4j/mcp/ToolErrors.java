package dev.atomemo4j.mcp;

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
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The JSON error of a failed tool call, the same object the Hub front end sends (hub-protocol §11): {@code code}
 * and {@code message} always, a {@link RequestFailure}'s members ({@code problems}), a {@link ToolException}'s
 * details, the exception class as {@code name} for anything else, and {@code stack} only when asked. Every text
 * passes through the call's {@link Secrets}.
 *
 * <p>The Hub's {@code ErrorPayloads} does the same for its wire; this copy keeps the MCP module free of the Hub
 * front end (the dependency rule). Moving the shared part into the core is a follow-up.
 */
final class ToolErrors {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_STACK_CHARS = 16 * 1024;

  private ToolErrors() {}

  static ObjectNode error(String code, String message) {
    ObjectNode e = NODES.objectNode();
    e.put("code", code);
    e.put("message", message);
    return e;
  }

  static ObjectNode of(Throwable failure, Secrets secrets, boolean withStack) {
    Throwable t = unwrap(failure);
    if (t instanceof RequestFailure f) {
      ObjectNode e = error(f.code(), secrets.scrub(f.getMessage()));
      f.members().forEach(e::set);
      return e;
    }
    if (t instanceof ToolException te) {
      ObjectNode e = error(te.code(), secrets.scrub(messageOf(te)));
      if (!te.details().isEmpty()) {
        try {
          JsonNode details = Codec.encode(te.details(), null);
          for (Map.Entry<String, JsonNode> m : details.properties()) {
            if (!e.has(m.getKey())) {
              e.set(m.getKey(), scrub(m.getValue(), secrets));
            }
          }
        } catch (RequestFailure unencodable) {
          // details that are not JSON: code and message are what the caller needs
        }
      }
      return e;
    }
    ObjectNode e = error(ErrorCodes.EXCEPTION, secrets.scrub(messageOf(t)));
    e.put("name", t.getClass().getName());
    if (withStack) {
      StringWriter out = new StringWriter();
      t.printStackTrace(new PrintWriter(out));
      String s = out.toString();
      e.put("stack", secrets.scrub(s.length() > MAX_STACK_CHARS ? s.substring(0, MAX_STACK_CHARS) + "\n\t..." : s));
    }
    return e;
  }

  static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    for (int i = 0; i < 10 && (cur instanceof CompletionException || cur instanceof ExecutionException)
        && cur.getCause() != null; i++) {
      cur = cur.getCause();
    }
    return cur;
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

  private static String messageOf(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
