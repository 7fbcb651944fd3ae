package dev.atomemo4j.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.model.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The writer against JavaScript's JSON.stringify rules; expected texts are what node prints. */
class JsJsonTest {

  private static String str(String s) {
    return JsJson.compact(JsonValue.of(s));
  }

  @Test
  void quotesAndBackslashesAreEscaped() {
    assertThat(str("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
  }

  @Test
  void shortEscapesAreUsedForTheFiveNamedControlCharacters() {
    assertThat(str("\b\t\n\f\r")).isEqualTo("\"\\b\\t\\n\\f\\r\"");
  }

  @Test
  void otherControlCharactersUseLowerCaseHexEscapes() {
    assertThat(str("\u0000\u0001\u001f\u000b")).isEqualTo("\"\\u0000\\u0001\\u001f\\u000b\"");
  }

  @Test
  void delSlashAndLineSeparatorsAreWrittenLiterally() {
    assertThat(str("\u007f/\u2028\u2029")).isEqualTo("\"\u007f/\u2028\u2029\"");
  }

  @Test
  void emojiAndCjkAreWrittenLiterally() {
    assertThat(str("🕐 获取当前时间")).isEqualTo("\"🕐 获取当前时间\"");
  }

  @Test
  void loneSurrogatesAreEscapedWithLowerCaseHex() {
    assertThat(str("a\ud83db")).isEqualTo("\"a\\ud83db\"");
    assertThat(str("\udc00")).isEqualTo("\"\\udc00\"");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1.0, 1",
      "100, 100",
      "0, 0",
      "-0.0, 0",
      "0.0004, 0.0004",
      "0.0016, 0.0016",
      "1e-7, 1e-7",
      "0.000001, 0.000001",
      "1.5e21, 1.5e+21",
      "1e21, 1e+21",
      "123456789012345680000, 123456789012345680000",
      "-2.5, -2.5",
      "0.1, 0.1",
      "3.14159, 3.14159",
      "9007199254740991, 9007199254740991",
      "5e-324, 5e-324",
      "1.7976931348623157e308, 1.7976931348623157e+308",
      "0.30000000000000004, 0.30000000000000004",
      "2.82879384806159e17, 282879384806159000",
      "1e100, 1e+100",
      "123e-20, 1.23e-18",
  })
  void numbersFollowEcmaScriptNumberToString(double value, String expected) {
    assertThat(JsNumbers.format(value)).isEqualTo(expected);
  }

  @Test
  void nonFiniteNumbersPrintAsNull() {
    assertThat(JsNumbers.format(Double.NaN)).isEqualTo("null");
    assertThat(JsNumbers.format(Double.POSITIVE_INFINITY)).isEqualTo("null");
  }

  @Test
  void prettyLayoutUsesTwoSpacesAndNoTrailingNewline() {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("name", JsonValue.of("x"));
    m.put("list", new JsonValue.Array(List.of(JsonValue.of(1), JsonValue.of(true))));
    m.put("empty", new JsonValue.Array(List.of()));
    m.put("obj", new JsonValue.Obj(Map.of()));

    assertThat(JsJson.stringify(new JsonValue.Obj(m))).isEqualTo(
        "{\n  \"name\": \"x\",\n  \"list\": [\n    1,\n    true\n  ],\n  \"empty\": [],\n  \"obj\": {}\n}");
  }

  @Test
  void integerLikeKeysComeFirstInAscendingOrder() {
    Map<String, JsonValue> marks = new LinkedHashMap<>();
    marks.put("max", JsonValue.of("m"));
    marks.put("100", JsonValue.of("max"));
    marks.put("0", JsonValue.of("min"));
    marks.put("01", JsonValue.of("not an index"));
    marks.put("4294967295", JsonValue.of("too big to be an index"));

    assertThat(JsJson.compact(new JsonValue.Obj(marks))).isEqualTo(
        "{\"0\":\"min\",\"100\":\"max\",\"max\":\"m\",\"01\":\"not an index\",\"4294967295\":\"too big to be an index\"}");
  }
}
