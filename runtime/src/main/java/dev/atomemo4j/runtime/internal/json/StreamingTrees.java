package dev.atomemo4j.runtime.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * Reads and writes Jackson trees with the streaming API alone.
 *
 * <p>Why not an {@code ObjectMapper}: building one loads and initializes about 250 classes (its serializer and
 * deserializer factories, type factory, introspection), some 150 ms of a plugin's cold start (measure 8 of the
 * benchmarks), and a plugin needs none of them to register or to answer: every frame is a tree of plain JSON values.
 * The trees are the ones {@code ObjectMapper.readTree} builds with its default settings (integers as the smallest of
 * int, long and BigInteger nodes, other numbers as doubles, a repeated key keeping its first position and its last
 * value), and the text is the one {@code writeValueAsString} writes; {@code StreamingTreesTest} holds both against a
 * mapper. The parser's limits are Jackson's defaults (nesting depth 1,000, and so on).
 */
public final class StreamingTrees {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StreamingTrees() {}

  /**
   * The one JSON value in {@code text}, or the missing node when it holds none (empty or blank), as a mapper's
   * {@code readTree}.
   *
   * @throws com.fasterxml.jackson.core.JsonProcessingException invalid JSON, a parser limit
   *     ({@link com.fasterxml.jackson.core.exc.StreamConstraintsException}), or anything after the value
   */
  public static JsonNode read(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return MissingNode.getInstance();
      }
      JsonNode value = readValue(p, first);
      if (p.nextToken() != null) {
        // Two frames glued together, or garbage: refused rather than the first value read.
        throw new JsonParseException(p, "trailing token after the JSON value");
      }
      return value;
    }
  }

  /** An empty object node, from the same node factory as {@link #read}. */
  public static ObjectNode newObject() {
    return NODES.objectNode();
  }

  /** Without recursion: the parser bounds the depth, this keeps a stack of the open containers on the heap. */
  private static JsonNode readValue(JsonParser p, JsonToken first) throws IOException {
    if (!first.isStructStart()) {
      return scalar(p, first);
    }
    ContainerNode<?> root = first == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
    ArrayDeque<ContainerNode<?>> open = new ArrayDeque<>();
    open.push(root);
    String name = null;
    while (!open.isEmpty()) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.FIELD_NAME) {
        name = p.currentName();
        continue;
      }
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        open.pop();
        continue;
      }
      JsonNode v = t == JsonToken.START_OBJECT ? NODES.objectNode()
          : t == JsonToken.START_ARRAY ? NODES.arrayNode() : scalar(p, t);
      ContainerNode<?> parent = open.peek();
      if (parent instanceof ObjectNode o) {
        o.replace(name, v);
      } else {
        ((ArrayNode) parent).add(v);
      }
      if (v instanceof ContainerNode<?> c) {
        open.push(c);
      }
    }
    return root;
  }

  private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseException(p, "unexpected token " + t);
    }
  }

  /** {@code node} as compact JSON text. */
  public static String write(JsonNode node) {
    BufferRecycler recycler = FACTORY._getBufferRecycler();
    try (SegmentedStringWriter out = new SegmentedStringWriter(recycler)) {
      try (JsonGenerator g = FACTORY.createGenerator(out)) {
        write(g, node);
      }
      return out.getAndClear();
    } catch (IOException e) {
      // A StringWriter does not fail; only a POJO node's own serializer could.
      throw new UncheckedIOException(e);
    } finally {
      recycler.releaseToPool();
    }
  }

  /** Writes {@code node} to {@code g}, as a mapper would with its default settings. */
  public static void write(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT:
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          g.writeFieldName(e.getKey());
          write(g, e.getValue());
        }
        g.writeEndObject();
        return;
      case ARRAY:
        g.writeStartArray();
        for (JsonNode element : node) {
          write(g, element);
        }
        g.writeEndArray();
        return;
      case STRING:
        g.writeString(node.textValue());
        return;
      case BOOLEAN:
        g.writeBoolean(node.booleanValue());
        return;
      case NUMBER:
        writeNumber(g, node);
        return;
      case BINARY:
        g.writeBinary(node.binaryValue());
        return;
      case POJO:
        // Not built by the runtime; a plugin's own tree might hold one. Only then is a mapper made.
        Pojos.MAPPER.writeValue(g, ((POJONode) node).getPojo());
        return;
      default: // NULL, MISSING
        g.writeNull();
    }
  }

  private static void writeNumber(JsonGenerator g, JsonNode n) throws IOException {
    switch (n.numberType()) {
      case INT:
        g.writeNumber(n.intValue());
        return;
      case LONG:
        g.writeNumber(n.longValue());
        return;
      case BIG_INTEGER:
        g.writeNumber(n.bigIntegerValue());
        return;
      case FLOAT:
        g.writeNumber(n.floatValue());
        return;
      case BIG_DECIMAL:
        g.writeNumber(n.decimalValue());
        return;
      default:
        g.writeNumber(n.doubleValue());
    }
  }

  /** Loaded only when a POJO node is written. */
  private static final class Pojos {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
