package dev.atomemo4j.examples.jsonreader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.runtime.ToolException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bytes of a JSON file to a JSON tree, as the official tool reads them: the encoding from the byte order mark
 * (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), which is stripped, else UTF-8. Then strict JSON, as JavaScript's
 * {@code JSON.parse}: one value, nothing after it, and numbers as JavaScript holds them.
 */
public final class JsonText {
  /** The file is not JSON. */
  public static final String INVALID_JSON = "json_reader:invalid_json";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  /** Strings as long as the file may hold them (Jackson's default stops at 20 MB). */
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
      .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonText() {}

  /** How a file's bytes are to be read: the charset, and how many leading bytes are a byte order mark. */
  public record Encoding(Charset charset, int bomLength) {}

  /** The encoding of {@code bytes}: a BOM first (UTF-32 LE before UTF-16 LE, whose BOM it starts with). */
  public static Encoding detect(byte[] b) {
    int n = b.length;
    if (n >= 4 && u(b[0]) == 0xFF && u(b[1]) == 0xFE && b[2] == 0 && b[3] == 0) {
      return new Encoding(UTF_32LE, 4);
    }
    if (n >= 4 && b[0] == 0 && b[1] == 0 && u(b[2]) == 0xFE && u(b[3]) == 0xFF) {
      return new Encoding(UTF_32BE, 4);
    }
    if (n >= 3 && u(b[0]) == 0xEF && u(b[1]) == 0xBB && u(b[2]) == 0xBF) {
      return new Encoding(StandardCharsets.UTF_8, 3);
    }
    if (n >= 2 && u(b[0]) == 0xFF && u(b[1]) == 0xFE) {
      return new Encoding(StandardCharsets.UTF_16LE, 2);
    }
    if (n >= 2 && u(b[0]) == 0xFE && u(b[1]) == 0xFF) {
      return new Encoding(StandardCharsets.UTF_16BE, 2);
    }
    // No BOM: UTF-8, as the official tool reads it (a UTF-16 file without a BOM is then not JSON there either).
    return new Encoding(StandardCharsets.UTF_8, 0);
  }

  /**
   * The text of {@code bytes}, BOM stripped; malformed sequences become U+FFFD, as a non-fatal TextDecoder. The
   * official tool strips the BOM it detected and then decodes with a TextDecoder, which strips a leading BOM of its
   * own: so one more U+FEFF right after the first BOM goes too.
   */
  public static String decode(byte[] bytes) {
    Encoding e = detect(bytes);
    String text = new String(bytes, e.bomLength(), bytes.length - e.bomLength(), e.charset());
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * The JSON value in {@code bytes}.
   *
   * @throws ToolException {@value #INVALID_JSON} with the parser's reason and position when it is not one JSON value
   */
  public static JsonNode parse(byte[] bytes) throws ToolException {
    String text = decode(bytes);
    JsonNode tree;
    try {
      tree = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column "
          + at.getColumnNr() + ")";
      throw new ToolException(INVALID_JSON, "Failed to parse JSON: " + e.getOriginalMessage() + where, Map.of(), e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new ToolException(INVALID_JSON, "Failed to parse JSON: the file is empty");
    }
    return asJavaScriptNumbers(tree);
  }

  /**
   * The tree with every number as JavaScript's {@code JSON.parse} leaves it, since the official tool answers with
   * what that gives: one IEEE double. So {@code 1.0} and {@code 1e2} answer as the integers {@code 1} and
   * {@code 100}, an integer past 2^53 loses its last digits ({@code 12345678901234567890 → 12345678901234567000}),
   * {@code -0} is {@code 0}, and a number too large for a double ({@code 1e400}) is {@code null}, as
   * {@code JSON.stringify(Infinity)} writes it.
   */
  static JsonNode asJavaScriptNumbers(JsonNode node) {
    if (node.isNumber()) {
      return javaScriptNumber(node.doubleValue());
    }
    if (node.isObject()) {
      // A JavaScript object lists array-index keys ("0", "17") first, in numeric order, then the others as written.
      List<Map.Entry<String, JsonNode>> indices = new ArrayList<>();
      List<Map.Entry<String, JsonNode>> others = new ArrayList<>();
      node.properties().forEach(e -> (isArrayIndex(e.getKey()) ? indices : others).add(e));
      indices.sort((a, b) -> Long.compare(Long.parseLong(a.getKey()), Long.parseLong(b.getKey())));
      ObjectNode out = NODES.objectNode();
      indices.forEach(e -> out.set(e.getKey(), asJavaScriptNumbers(e.getValue())));
      others.forEach(e -> out.set(e.getKey(), asJavaScriptNumbers(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(item -> out.add(asJavaScriptNumbers(item)));
      return out;
    }
    return node;
  }

  /** A canonical array index: digits without a leading zero, below 2^32 - 1. */
  private static boolean isArrayIndex(String key) {
    if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) < '0' || key.charAt(i) > '9') {
        return false;
      }
    }
    return Long.parseLong(key) < 4294967295L;
  }

  private static JsonNode javaScriptNumber(double d) {
    if (!Double.isFinite(d)) {
      return NODES.nullNode();
    }
    // JavaScript writes integral values below 1e21 without an exponent, with the double's shortest digits.
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      BigInteger integer = new BigDecimal(Double.toString(d)).toBigInteger();
      return integer.bitLength() < 64 ? NODES.numberNode(integer.longValue()) : NODES.numberNode(integer);
    }
    return NODES.numberNode(d);
  }

  private static int u(byte b) {
    return b & 0xFF;
  }
}
