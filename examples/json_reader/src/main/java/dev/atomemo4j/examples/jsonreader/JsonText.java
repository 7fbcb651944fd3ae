package dev.atomemo4j.examples.jsonreader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.runtime.ToolException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Bytes of a JSON file to a JSON tree: the encoding from the byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE),
 * which is stripped, or, without one, from the pattern of zero bytes JSON text makes in the first four bytes
 * (RFC 4627 §3), else UTF-8. Then strict JSON, as JavaScript's {@code JSON.parse}: one value, nothing after it.
 */
public final class JsonText {
  /** The file is not JSON. */
  public static final String INVALID_JSON = "json_reader:invalid_json";

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
    // No BOM: JSON text starts with an ASCII character, so its zero bytes tell the encoding.
    if (n >= 4) {
      boolean z0 = b[0] == 0;
      boolean z1 = b[1] == 0;
      boolean z2 = b[2] == 0;
      boolean z3 = b[3] == 0;
      if (z0 && z1 && z2 && !z3) {
        return new Encoding(UTF_32BE, 0);
      }
      if (!z0 && z1 && z2 && z3) {
        return new Encoding(UTF_32LE, 0);
      }
      if (z0 && !z1 && z2 && !z3) {
        return new Encoding(StandardCharsets.UTF_16BE, 0);
      }
      if (!z0 && z1 && !z2 && z3) {
        return new Encoding(StandardCharsets.UTF_16LE, 0);
      }
    } else if (n >= 2 && (b[0] == 0) != (b[1] == 0)) {
      return new Encoding(b[0] == 0 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE, 0);
    }
    return new Encoding(StandardCharsets.UTF_8, 0);
  }

  /** The text of {@code bytes}, BOM stripped; malformed sequences become U+FFFD, as a non-fatal TextDecoder. */
  public static String decode(byte[] bytes) {
    Encoding e = detect(bytes);
    return new String(bytes, e.bomLength(), bytes.length - e.bomLength(), e.charset());
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
    return tree;
  }

  private static int u(byte b) {
    return b & 0xFF;
  }
}
