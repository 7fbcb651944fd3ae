package dev.atomemo4j.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.model.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between Jackson trees and {@link JsonValue}, with exact numbers. */
public final class JsonTrees {
  private JsonTrees() {}

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  /** Parses JSON text; syntax errors surface as {@link JsonProcessingException} with a location. */
  public static JsonValue parse(String text) throws JsonProcessingException {
    JsonNode node = MAPPER.readTree(text);
    if (node == null || node.isMissingNode()) {
      throw new JsonSyntaxException("no JSON value", 1, 1);
    }
    return fromJackson(node);
  }

  public static JsonValue fromJackson(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return JsonValue.NULL;
    }
    if (node.isTextual()) {
      return JsonValue.of(node.textValue());
    }
    if (node.isBoolean()) {
      return JsonValue.of(node.booleanValue());
    }
    if (node.isNumber()) {
      // Integral nodes keep every digit; other numbers (BigDecimal or double nodes) keep their decimal value.
      return new JsonValue.Num(node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue());
    }
    if (node.isArray()) {
      List<JsonValue> items = new ArrayList<>(node.size());
      node.forEach(n -> items.add(fromJackson(n)));
      return new JsonValue.Array(items);
    }
    if (node.isObject()) {
      Map<String, JsonValue> members = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        members.put(e.getKey(), fromJackson(e.getValue()));
      }
      return new JsonValue.Obj(members);
    }
    throw new IllegalArgumentException("unsupported JSON node " + node.getNodeType());
  }

  public static JsonNode toJackson(JsonValue value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value instanceof JsonValue.Text t) {
      return f.textNode(t.value());
    } else if (value instanceof JsonValue.Num n) {
      return n.isIntegral() ? f.numberNode(n.value().toBigIntegerExact()) : f.numberNode(n.value());
    } else if (value instanceof JsonValue.Bool b) {
      return f.booleanNode(b.value());
    } else if (value instanceof JsonValue.Array a) {
      ArrayNode arr = f.arrayNode();
      a.items().forEach(i -> arr.add(toJackson(i)));
      return arr;
    } else if (value instanceof JsonValue.Obj o) {
      ObjectNode obj = f.objectNode();
      o.members().forEach((k, v) -> obj.set(k, toJackson(v)));
      return obj;
    }
    return f.nullNode();
  }

  /** A syntax error without a Jackson parser behind it. */
  static final class JsonSyntaxException extends JsonProcessingException {
    JsonSyntaxException(String message, int line, int column) {
      super(message, new com.fasterxml.jackson.core.JsonLocation(null, -1, line, column));
    }
  }

}
