package dev.atomemo4j.examples.jsonreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.runtime.ToolException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {
  /** Non-ASCII and a character outside the BMP (a surrogate pair in UTF-16), so a wrong decoding shows. */
  private static final String DOCUMENT = "{\"hello\": \"世界 🌍\", \"num\": 42, \"list\": [true, null, 1.5]}";

  private static final int[] UTF8_BOM = {0xEF, 0xBB, 0xBF};
  private static final int[] UTF16LE_BOM = {0xFF, 0xFE};
  private static final int[] UTF16BE_BOM = {0xFE, 0xFF};
  private static final int[] UTF32LE_BOM = {0xFF, 0xFE, 0x00, 0x00};
  private static final int[] UTF32BE_BOM = {0x00, 0x00, 0xFE, 0xFF};

  static Stream<Arguments> encodings() {
    return Stream.of(
        Arguments.of("UTF-8", UTF8_BOM, 3),
        Arguments.of("UTF-16LE", UTF16LE_BOM, 2),
        Arguments.of("UTF-16BE", UTF16BE_BOM, 2),
        Arguments.of("UTF-32LE", UTF32LE_BOM, 4),
        Arguments.of("UTF-32BE", UTF32BE_BOM, 4));
  }

  private static byte[] bytes(int[] prefix, String text, Charset charset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int b : prefix) {
      out.write(b);
    }
    out.writeBytes(text.getBytes(charset));
    return out.toByteArray();
  }

  private static void assertDocument(JsonNode tree) {
    assertThat(tree.get("hello").asText()).isEqualTo("世界 🌍");
    assertThat(tree.get("num").intValue()).isEqualTo(42);
    assertThat(tree.get("list").toString()).isEqualTo("[true,null,1.5]");
  }

  @ParameterizedTest(name = "{0} with BOM")
  @MethodSource("encodings")
  void aBomIsStrippedAndNamesTheEncoding(String charset, int[] bom, int bomLength) throws Exception {
    byte[] file = bytes(bom, DOCUMENT, Charset.forName(charset));

    assertThat(JsonText.detect(file)).isEqualTo(new JsonText.Encoding(Charset.forName(charset), bomLength));
    assertThat(JsonText.decode(file)).isEqualTo(DOCUMENT);
    assertDocument(JsonText.parse(file));
  }

  @ParameterizedTest(name = "{0} without BOM")
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
  void withoutABomTheFileIsReadAsUtf8AsTheOfficialToolDoes(String charset) {
    byte[] file = DOCUMENT.getBytes(Charset.forName(charset));

    assertThat(JsonText.detect(file)).isEqualTo(new JsonText.Encoding(StandardCharsets.UTF_8, 0));
    assertThatThrownBy(() -> JsonText.parse(file)).isInstanceOfSatisfying(ToolException.class,
        e -> assertThat(e.code()).isEqualTo("json_reader:invalid_json"));
  }

  @Test
  void utf8WithoutABomIsRead() throws Exception {
    assertDocument(JsonText.parse(DOCUMENT.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aSecondBomAfterTheFirstIsStrippedAsTextDecoderDoes() throws Exception {
    byte[] file = bytes(UTF8_BOM, "\uFEFF" + DOCUMENT, StandardCharsets.UTF_8);

    assertThat(JsonText.decode(file)).isEqualTo(DOCUMENT);
    assertDocument(JsonText.parse(file));
  }

  @Test
  void integralNumbersComeBackAsIntegersAsJsonParseLeavesThem() throws Exception {
    JsonNode tree = JsonText.parse("{\"a\": 1.0, \"b\": 1e2, \"c\": -0, \"d\": 1.5}".getBytes(StandardCharsets.UTF_8));

    assertThat(tree.toString()).isEqualTo("{\"a\":1,\"b\":100,\"c\":0,\"d\":1.5}");
  }

  @Test
  void integersPastTwoToTheFiftyThreeLoseTheirLastDigitsAsInJavaScript() throws Exception {
    JsonNode tree = JsonText.parse("[12345678901234567890, 9007199254740993]".getBytes(StandardCharsets.UTF_8));

    assertThat(tree.toString()).isEqualTo("[12345678901234567000,9007199254740992]");
  }

  @Test
  void aNumberTooLargeForADoubleIsNullAsJsonStringifyWritesInfinity() throws Exception {
    assertThat(JsonText.parse("{\"big\": 1e400}".getBytes(StandardCharsets.UTF_8)).toString())
        .isEqualTo("{\"big\":null}");
  }

  @Test
  void arrayIndexKeysComeFirstInNumericOrderAsInAJavaScriptObject() throws Exception {
    JsonNode tree = JsonText.parse("{\"b\": 1, \"10\": 2, \"a\": 3, \"2\": 4, \"01\": 5}".getBytes(StandardCharsets.UTF_8));

    assertThat(tree.toString()).isEqualTo("{\"2\":4,\"10\":2,\"b\":1,\"a\":3,\"01\":5}");
  }

  @Test
  void anyJsonValueIsReturnedNotOnlyObjects() throws Exception {
    assertThat(JsonText.parse("[1, 2]".getBytes(StandardCharsets.UTF_8)).toString()).isEqualTo("[1,2]");
    assertThat(JsonText.parse(" \"text\" \n".getBytes(StandardCharsets.UTF_8)).asText()).isEqualTo("text");
    assertThat(JsonText.parse("null".getBytes(StandardCharsets.UTF_8)).isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\": }", "{\"a\": 1", "{'a': 1}", "{\"a\": 1} {\"b\": 2}", "[1, 2,]", "NaN",
      "// comment\n{}", "hello"})
  void invalidJsonIsAToolError(String text) {
    assertThatThrownBy(() -> JsonText.parse(text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ToolException.class, e -> {
          assertThat(e.code()).isEqualTo("json_reader:invalid_json");
          assertThat(e.getMessage()).startsWith("Failed to parse JSON: ");
        });
  }

  @Test
  void theErrorSaysWhere() {
    assertThatThrownBy(() -> JsonText.parse("{\n  \"a\": 1,\n  \"b\": oops\n}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ToolException.class)
        .hasMessageContaining("line 3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n", "\uFEFF"})
  void anEmptyFileIsAToolError(String text) {
    assertThatThrownBy(() -> JsonText.parse(text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ToolException.class, e -> {
          assertThat(e.code()).isEqualTo("json_reader:invalid_json");
          assertThat(e.getMessage()).isEqualTo("Failed to parse JSON: the file is empty");
        });
  }
}
