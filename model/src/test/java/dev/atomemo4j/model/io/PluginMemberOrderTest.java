package dev.atomemo4j.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.model.Corpus;
import dev.atomemo4j.model.JsonValue;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plugin object's members are written in the author's order (the JS SDK does not sort them): official files
 * whose authors put {@code icon} after {@code lang} or {@code repo} after {@code locales} round-trip byte for byte
 * when the writer is given the document's order.
 */
class PluginMemberOrderTest {

  static List<Path> officialDefinitions() {
    return Corpus.files();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("officialDefinitions")
  void aFileWithIconAfterLangAndRepoAfterLocalesRoundTripsByteForByte(Path file) throws Exception {
    String reordered = reorder(Corpus.text(file), List.of("name", "display_name", "description", "lang", "icon",
        "locales", "repo"));

    ReadResult read = DefinitionReader.read(reordered);

    assertThat(read.problems()).isEmpty();
    assertThat(DefinitionWriter.toJson(read.definition().orElseThrow(), read.pluginMemberOrder()))
        .isEqualTo(reordered);
  }

  @Test
  void theReaderReportsThePluginMembersInTheDocumentsOrder() {
    ReadResult read = DefinitionReader.read("{\"lang\":\"java\",\"name\":\"my-plugin\",\"icon\":\"x\"}");

    assertThat(read.pluginMemberOrder()).containsExactly("lang", "name", "icon");
  }

  @Test
  void authorEmailVersionAndTheFeatureListsComeLastInTheSdksOrderWhereverTheFileHadThem() throws Exception {
    String input = "{\"tools\":[],\"version\":\"1.0.0\",\"email\":\"a@b.co\",\"name\":\"my-plugin\","
        + "\"author\":\"A\",\"icon\":\"x\",\"display_name\":{\"en_US\":\"P\"},\"description\":{\"en_US\":\"D\"},"
        + "\"lang\":\"java\",\"locales\":[],\"credentials\":[],\"models\":[]}";
    ReadResult read = DefinitionReader.read(input);

    String written = DefinitionWriter.toJson(read.definition().orElseThrow(), read.pluginMemberOrder());

    assertThat(keys(written)).containsExactly("name", "icon", "display_name", "description", "lang", "locales",
        "author", "email", "version", "credentials", "models", "tools");
  }

  @Test
  void withoutAnOrderTheWriterUsesTheSchemasOrder() throws Exception {
    String reordered = reorder(Corpus.text(Corpus.files().get(0)), List.of("icon", "name"));

    String written = DefinitionWriter.toJson(DefinitionReader.read(reordered).definition().orElseThrow());

    assertThat(keys(written).subList(0, 4)).containsExactly("name", "display_name", "description", "icon");
  }

  /** The document with the plugin members in {@code first} moved to the front, in that order. */
  private static String reorder(String json, List<String> first) throws Exception {
    JsonValue.Obj root = (JsonValue.Obj) JsonTrees.parse(json);
    Map<String, JsonValue> members = new LinkedHashMap<>();
    for (String name : first) {
      if (root.members().containsKey(name)) {
        members.put(name, root.get(name));
      }
    }
    root.members().forEach(members::putIfAbsent);
    return JsJson.stringify(new JsonValue.Obj(members));
  }

  private static List<String> keys(String json) throws Exception {
    return List.copyOf(((JsonValue.Obj) JsonTrees.parse(json)).members().keySet());
  }
}
