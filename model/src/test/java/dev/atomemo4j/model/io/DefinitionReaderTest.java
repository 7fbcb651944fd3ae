package dev.atomemo4j.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.model.validate.Violation;
import dev.atomemo4j.model.validate.ViolationCode;
import org.junit.jupiter.api.Test;

class DefinitionReaderTest {

  private static final String MINIMAL = "{\"name\":\"my-plugin\",\"tools\":[{\"name\":\"my-tool\",\"parameters\":[%s]}]}";

  @Test
  void invalidJsonIsReportedWithLineAndColumn() {
    ReadResult r = DefinitionReader.read("{\n  \"name\": \"x\",\n  oops\n}");

    assertThat(r.definition()).isEmpty();
    assertThat(r.problems()).singleElement().satisfies(v -> {
      assertThat(v.code()).isEqualTo(ViolationCode.INVALID_JSON);
      assertThat(v.message()).contains("line 3, column 3");
    });
  }

  @Test
  void anEmptyDocumentIsReportedAsEmpty() {
    assertThat(DefinitionReader.read("  \n").problems()).extracting(Violation::message)
        .containsExactly("the file is empty");
  }

  @Test
  void aNonObjectRootIsRejected() {
    assertThat(DefinitionReader.read("[1, 2]").problems()).extracting(Violation::code)
        .containsExactly(ViolationCode.NOT_AN_OBJECT);
  }

  @Test
  void aMemberOfTheWrongJsonTypeIsReportedAtItsPointer() {
    ReadResult r = DefinitionReader.read("{\"name\": 5}");

    assertThat(r.problems()).extracting(Violation::toString)
        .containsExactly("/name [wrong-type] `name` must be a string, not a number");
  }

  @Test
  void anUnknownPropertyTypeIsReportedAndMakesTheReadLossy() {
    ReadResult r = DefinitionReader.read(MINIMAL.formatted("{\"name\":\"a\",\"type\":\"strng\"}"));

    assertThat(r.problems()).extracting(v -> v.pointer() + " " + v.code())
        .containsExactly("/tools/0/parameters/0/type UNKNOWN_TYPE");
    assertThat(r.lossless()).isFalse();
  }

  @Test
  void anUnknownMemberIsAWarningAndIsDroppedOnWrite() {
    ReadResult r = DefinitionReader.read(MINIMAL.formatted("{\"name\":\"a\",\"type\":\"string\",\"colour\":\"red\"}"));

    assertThat(r.problems()).singleElement().satisfies(v -> {
      assertThat(v.pointer()).isEqualTo("/tools/0/parameters/0/colour");
      assertThat(v.isError()).isFalse();
    });
    assertThat(DefinitionWriter.toCompactJson(r.definition().orElseThrow())).doesNotContain("colour");
  }

  @Test
  void aComponentOnAFileRefUiIsDroppedOnWrite() {
    ReadResult r = DefinitionReader.read(MINIMAL.formatted(
        "{\"name\":\"f\",\"ui\":{\"hint\":{\"en_US\":\"h\"},\"component\":\"input\"},\"type\":\"file_ref\"}"));

    assertThat(DefinitionWriter.toCompactJson(r.definition().orElseThrow()))
        .contains("\"ui\":{\"hint\":{\"en_US\":\"h\"}},\"type\":\"file_ref\"");
  }

  @Test
  void sliderMarksAreWrittenWithIntegerKeysFirst() {
    ReadResult r = DefinitionReader.read(MINIMAL.formatted(
        "{\"name\":\"n\",\"ui\":{\"component\":\"slider\",\"marks\":{\"100\":\"max\",\"0\":\"min\"}},\"type\":\"number\"}"));

    assertThat(DefinitionWriter.toCompactJson(r.definition().orElseThrow()))
        .contains("\"marks\":{\"0\":\"min\",\"100\":\"max\"}");
  }

  @Test
  void membersAreWrittenInSchemaOrderWhateverTheInputOrder() {
    ReadResult r = DefinitionReader.read(MINIMAL.formatted(
        "{\"type\":\"string\",\"required\":true,\"name\":\"s\",\"max_length\":3,\"default\":\"a\"}"));

    assertThat(DefinitionWriter.toCompactJson(r.definition().orElseThrow()))
        .contains("{\"name\":\"s\",\"required\":true,\"type\":\"string\",\"default\":\"a\",\"max_length\":3}");
  }

  @Test
  void doubleNodesFromOtherParsersKeepTheirFraction() {
    var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(1.5d);

    assertThat(JsonTrees.fromJackson(node)).isEqualTo(new dev.atomemo4j.model.JsonValue.Num(new java.math.BigDecimal("1.5")));
  }
}
