package dev.atomemo4j.runtime.internal.phoenix;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.runtime.internal.json.StreamingTrees;
import java.io.IOException;

/**
 * The V2 JSON serializer for text frames (hub-protocol.md §2.3): {@code [join_ref, ref, topic, event, payload]}.
 *
 * <p>Decoding is strict, because a frame that is not exactly this shape cannot be routed safely. Error messages
 * describe the shape only and never quote frame content, which may carry secrets.
 */
final class FrameCodec {

  /** Thrown for a frame that is not a well-formed V2 text frame; the message is safe to log. */
  static class MalformedFrameException extends Exception {
    MalformedFrameException(String message) {
      super(message);
    }
  }

  /**
   * A frame nested deeper than the parser allows, of which the top levels could still be read: enough to answer the
   * request it carries instead of dropping it without a word (issue 11, defect 5). Fields are raw, as sent.
   */
  static final class UnparsableFrameException extends MalformedFrameException {
    final String topic;
    final String event;
    final String requestId;

    UnparsableFrameException(String message, String topic, String event, String requestId) {
      super(message);
      this.topic = topic;
      this.event = event;
      this.requestId = requestId;
    }
  }

  /**
   * For the recovery read only: a streaming parser keeps no tree and recurses nowhere, so any depth is safe to skip
   * within the frame size limit.
   */
  private static final JsonFactory UNBOUNDED = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
      .build();

  private static final com.fasterxml.jackson.core.io.JsonStringEncoder STRINGS =
      com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance();
  private final int maxFrameBytes;

  FrameCodec(int maxFrameBytes) {
    if (maxFrameBytes <= 0) {
      throw new IllegalArgumentException("maxFrameBytes must be positive: " + maxFrameBytes);
    }
    this.maxFrameBytes = maxFrameBytes;
  }

  int maxFrameBytes() {
    return maxFrameBytes;
  }

  ObjectNode newObject() {
    return StreamingTrees.newObject();
  }

  Frame decode(String text) throws MalformedFrameException {
    long bytes = utf8Length(text);
    if (bytes > maxFrameBytes) {
      throw new MalformedFrameException(
          "frame of " + bytes + " bytes exceeds the limit of " + maxFrameBytes + " bytes");
    }
    JsonNode root;
    try {
      // No ObjectMapper (see StreamingTrees); trailing tokens, two frames glued together or garbage, are refused.
      root = StreamingTrees.read(text);
    } catch (StreamConstraintsException e) {
      String message = "frame exceeds a JSON parser limit (nesting depth or token size)";
      UnparsableFrameException recovered = recoverTopLevels(text, message);
      throw recovered != null ? recovered : new MalformedFrameException(message);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new MalformedFrameException(
          "invalid JSON"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
    } catch (IOException e) {
      throw new MalformedFrameException("invalid JSON"); // reading a String: not expected beyond the above
    }
    if (root == null || root.isMissingNode()) {
      throw new MalformedFrameException("empty frame");
    }
    if (!root.isArray()) {
      throw new MalformedFrameException("frame is a JSON " + root.getNodeType() + ", not an array");
    }
    if (root.size() != 5) {
      throw new MalformedFrameException("frame has " + root.size() + " elements, expected 5");
    }
    String joinRef = optionalString(root.get(0), "join_ref");
    String ref = optionalString(root.get(1), "ref");
    String topic = requiredString(root.get(2), "topic");
    String event = requiredString(root.get(3), "event");
    JsonNode payload = root.get(4);
    if (!payload.isObject()) {
      throw new MalformedFrameException("payload is a JSON " + payload.getNodeType() + ", not an object");
    }
    return new Frame(joinRef, ref, topic, event, (ObjectNode) payload);
  }

  /**
   * Reads {@code [join_ref, ref, topic, event, {...}]} as a stream, skipping every nested value, to find the topic,
   * the event and the payload's top-level {@code request_id}. Null when even that shape is not there.
   */
  private static UnparsableFrameException recoverTopLevels(String text, String message) {
    try (JsonParser p = UNBOUNDED.createParser(text)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      String[] heads = new String[4];
      for (int i = 0; i < 4; i++) {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
          heads[i] = p.getText();
        } else if (t != JsonToken.VALUE_NULL || i >= 2) {
          return null;
        }
      }
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String requestId = null;
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("request_id".equals(name) && value == JsonToken.VALUE_STRING) {
          requestId = p.getText();
        }
        p.skipChildren();
        if (requestId != null) {
          break; // everything needed is read; the rest may be as deep as it likes
        }
      }
      return new UnparsableFrameException(message, heads[2], heads[3], requestId);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Serializes a payload once, on the caller's thread, so later mutation of the node cannot race the loop. */
  String encodePayload(ObjectNode payload) {
    try {
      return StreamingTrees.write(payload);
    } catch (java.io.UncheckedIOException e) {
      throw new IllegalArgumentException("payload cannot be serialized: " + e.getCause().getMessage(), e);
    }
  }

  /** {@code payloadJson} must already be a serialized JSON object; it is embedded as is. */
  String encode(String joinRef, String ref, String topic, String event, String payloadJson) {
    return encodeFrame(joinRef, ref, topic, event, payloadJson).text();
  }

  /** A frame's text and its exact UTF-8 size, which the socket counts against OkHttp's queue. */
  record Encoded(String text, long bytes) {}

  /**
   * As {@link #encode}, with the frame's UTF-8 size, counted without scanning the payload again when
   * {@code payloadBytes} (its UTF-8 size, or -1 if unknown) is given. Built in one {@link StringBuilder}: a JSON
   * generator over a {@code StringWriter} copied every answer twice through a synchronized buffer (issue 18).
   */
  Encoded encodeFrame(String joinRef, String ref, String topic, String event, String payloadJson,
      long payloadBytes) {
    StringBuilder out = new StringBuilder(payloadJson.length() + topic.length() + event.length() + 32);
    out.append('[');
    appendNullable(out, joinRef);
    out.append(',');
    appendNullable(out, ref);
    out.append(',');
    appendString(out, topic);
    out.append(',');
    appendString(out, event);
    out.append(',');
    long headBytes = utf8Length(out) + 1; // and the closing bracket
    out.append(payloadJson).append(']');
    long bytes = headBytes + (payloadBytes >= 0 ? payloadBytes : utf8Length(payloadJson));
    return new Encoded(out.toString(), bytes);
  }

  Encoded encodeFrame(String joinRef, String ref, String topic, String event, String payloadJson) {
    return encodeFrame(joinRef, ref, topic, event, payloadJson, -1);
  }

  private static void appendNullable(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
    } else {
      appendString(out, value);
    }
  }

  /** A JSON string, escaped as Jackson's generator escapes it by default. */
  private static void appendString(StringBuilder out, String value) {
    out.append('"');
    STRINGS.quoteAsString(value, out);
    out.append('"');
  }

  static long utf8Length(CharSequence text) {
    long bytes = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static String optionalString(JsonNode node, String name) throws MalformedFrameException {
    if (node.isNull()) {
      return null;
    }
    return requiredString(node, name);
  }

  private static String requiredString(JsonNode node, String name) throws MalformedFrameException {
    if (!node.isTextual()) {
      throw new MalformedFrameException(name + " is a JSON " + node.getNodeType() + ", not a string");
    }
    return node.textValue();
  }
}
