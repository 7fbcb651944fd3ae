package dev.atomemo4j.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Looks at each JSON-RPC message a client sends before the SDK reads it: a {@code notifications/cancelled} cancels
 * the call it names ({@link CallRegistry}); a {@code tools/call} gets its identity in {@code _meta} so its handler
 * can be found by that cancellation. Everything else, and anything that is not JSON, passes unchanged (the SDK
 * answers malformed input itself).
 */
final class JsonRpcTap {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CallRegistry calls;

  JsonRpcTap(CallRegistry calls) {
    this.calls = calls;
  }

  /** The message (or batch) {@code text} of {@code session} (null for stdio) as the SDK should read it. */
  String onMessage(String session, String text) {
    if (text.indexOf("tools/call") < 0 && text.indexOf("notifications/cancelled") < 0) {
      return text; // the common case costs one scan, no parse
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      return text;
    }
    boolean changed = false;
    if (root != null && root.isArray()) {
      for (JsonNode m : root) {
        changed |= inspect(session, m);
      }
    } else if (root != null) {
      changed = inspect(session, root);
    }
    if (!changed) {
      return text;
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      return text;
    }
  }

  /** True if {@code message} was changed. */
  private boolean inspect(String session, JsonNode message) {
    if (!message.isObject()) {
      return false;
    }
    String method = message.path("method").asText("");
    JsonNode params = message.get("params");
    if ("notifications/cancelled".equals(method) && params != null && params.has("requestId")) {
      calls.cancel(CallRegistry.key(session, params.get("requestId").toString()), params.path("reason").asText(null));
      return false;
    }
    JsonNode id = message.get("id");
    if ("tools/call".equals(method) && id != null && !id.isNull() && params != null && params.isObject()) {
      JsonNode meta = params.get("_meta");
      ObjectNode m = meta != null && meta.isObject() ? (ObjectNode) meta : ((ObjectNode) params).putObject("_meta");
      m.put(CallRegistry.META_KEY, CallRegistry.key(session, id.toString()));
      return true;
    }
    return false;
  }
}
