package dev.atomemo4j.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.model.Corpus;
import dev.atomemo4j.model.PluginDefinition;
import java.nio.file.Path;
import dev.atomemo4j.model.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The splice must give exactly what the model's read, {@code withAuthor}, write round trip gives. */
class AuthorSpliceTest {

  /** Quotes, a backslash, a control character and non-ASCII text: everything the writer escapes or keeps. */
  private static final String AUTHOR = "Zoë \"Z\" O\\Brien\t李";

  private static final String EMAIL = "zoe+atomemo@example.com";

  static List<Path> officialDefinitions() {
    return Corpus.files();
  }

  private static PluginDefinition read(String text) {
    return DefinitionReader.read(text).definition().orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("officialDefinitions")
  void replacingTheAuthorGivesTheModelsBytes(Path file) {
    String original = Corpus.text(file);
    PluginDefinition expected = read(original).withAuthor(AUTHOR, EMAIL);

    AuthorSplice.Spliced spliced = AuthorSplice.splice(original, AUTHOR, EMAIL);

    assertThat(spliced.pretty()).isEqualTo(DefinitionWriter.toJson(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("officialDefinitions")
  void theCompactTextIsTheModelsCompactText(Path file) {
    String original = Corpus.text(file);
    PluginDefinition expected = read(original).withAuthor(AUTHOR, EMAIL);

    AuthorSplice.Spliced spliced = AuthorSplice.splice(original, AUTHOR, EMAIL);

    assertThat(spliced.compact()).isEqualTo(DefinitionWriter.toCompactJson(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("officialDefinitions")
  void anAbsentAuthorIsInsertedWhereTheSchemaPutsIt(Path file) {
    PluginDefinition withoutAuthor = read(Corpus.text(file)).withAuthor(null, null);
    String generated = DefinitionWriter.toJson(withoutAuthor);

    AuthorSplice.Spliced spliced = AuthorSplice.splice(generated, AUTHOR, EMAIL);

    assertThat(spliced.pretty()).isEqualTo(DefinitionWriter.toJson(withoutAuthor.withAuthor(AUTHOR, EMAIL)));
  }

  @Test
  void aNullAuthorRemovesTheMemberAsTheWriterOmitsIt() {
    String original = Corpus.text(Corpus.files().get(0));

    AuthorSplice.Spliced spliced = AuthorSplice.splice(original, null, EMAIL);

    assertThat(spliced.pretty()).isEqualTo(DefinitionWriter.toJson(read(original).withAuthor(null, EMAIL)));
  }

  @Test
  void anEmptyObjectGetsBothMembers() {
    assertThat(AuthorSplice.splice("{}", "a", "b").pretty())
        .isEqualTo("{\n  \"author\": \"a\",\n  \"email\": \"b\"\n}");
  }

  @Test
  void textThatIsNotAnObjectIsRejected() {
    assertThatThrownBy(() -> AuthorSplice.splice("[1, 2]", "a", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JSON object");
  }

  @Test
  void aTruncatedDefinitionIsRejected() {
    assertThatThrownBy(() -> AuthorSplice.splice("{\n  \"name\": \"x\",\n  \"tools\": [\n    {", "a", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends inside");
  }

  @Test
  void aDefinitionCutAfterAnInnerObjectIsRejected() {
    String cut = "{\n  \"name\": \"x\",\n  \"tools\": [\n    {\n      \"name\": \"t\"\n    }";

    assertThatThrownBy(() -> AuthorSplice.splice(cut, "a", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends inside");
  }

  @Test
  void stringsThatLookLikeKeysOrLineBreaksCompactAsTheWriterCompactsThem() {
    Map<String, JsonValue> tool = new LinkedHashMap<>();
    tool.put("name", JsonValue.of("t"));
    tool.put("description", JsonValue.of("line one\n  \"key\": value, [ { } ]\r\n\tend: "));
    tool.put("tags", new JsonValue.Array(List.of(JsonValue.of("a: b"), JsonValue.of("\": \""),
        new JsonValue.Obj(Map.of()), new JsonValue.Array(List.of()))));
    Map<String, JsonValue> root = new LinkedHashMap<>();
    root.put("name", JsonValue.of("p"));
    root.put("version", JsonValue.of("1.0.0"));
    root.put("tools", new JsonValue.Array(List.of(new JsonValue.Obj(tool))));
    JsonValue value = new JsonValue.Obj(root);

    AuthorSplice.Spliced spliced = AuthorSplice.splice(JsJson.stringify(value), null, null);

    assertThat(spliced.pretty()).isEqualTo(JsJson.stringify(value));
    assertThat(spliced.compact()).isEqualTo(JsJson.compact(value));
  }
}
