package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class TypeMappingTest {
  static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode compileTool(String... toolsBody) throws Exception {
    Compilation c = Sources.compile(DiagnosticsTest.plugin(), DiagnosticsTest.tools(toolsBody));
    assertThat(c).succeeded();
    return JSON.readTree(Sources.resource(c, "META-INF/atomemo4j/demo-plugin/definition.json"))
        .at("/tools/0/parameters");
  }

  @Test
  void typeVariablesOfAGenericRecordAreResolvedThroughItsUse() throws Exception {
    JsonNode params = compileTool("  public record Box<T>(T content, java.util.List<T> more) {}",
        DiagnosticsTest.TOOL, "  public String run(@Param(name = \"box\") Box<Integer> box) { return \"\"; }");

    assertThat(params.at("/0/properties/0/type").asText()).isEqualTo("integer");
    assertThat(params.at("/0/properties/1/items/type").asText()).isEqualTo("integer");
  }

  @Test
  void aListOfEnumsBecomesAMultiSelectOverTheWireNames() throws Exception {
    JsonNode params = compileTool("  public enum Tag { @WireName(\"show_hn\") SHOW_HN, ASK }",
        DiagnosticsTest.TOOL, "  public String run(@Param(name = \"tags\") List<Tag> tags) { return \"\"; }");

    assertThat(params.at("/0/ui/component").asText()).isEqualTo("multi-select");
    assertThat(params.at("/0/items/enum").toString()).isEqualTo("[\"show_hn\",\"ask\"]");
    assertThat(params.at("/0/ui/options/0/value").asText()).isEqualTo("show_hn");
  }

  @Test
  void nullableInAnyPackageMakesAParameterOptional() throws Exception {
    JavaFileObject nullable = Sources.source("org.example.Nullable", "package org.example;",
        "@java.lang.annotation.Target({java.lang.annotation.ElementType.TYPE_USE})",
        "public @interface Nullable {}");
    Compilation c = Sources.compile(DiagnosticsTest.plugin(), nullable, DiagnosticsTest.tools(DiagnosticsTest.TOOL,
        "  public String run(@Param(name = \"note\") @org.example.Nullable String note) { return \"\"; }"));
    assertThat(c).succeeded();
    JsonNode schema = JSON.readTree(Sources.resource(c, "META-INF/atomemo4j/demo-plugin/schemas/demo-tool.input.json"));

    assertThat(JSON.readTree(Sources.resource(c, "META-INF/atomemo4j/demo-plugin/definition.json"))
        .at("/tools/0/parameters/0/required").asBoolean()).isFalse();
    assertThat(schema.at("/required").size()).isZero();
    assertThat(schema.at("/properties/note/anyOf/1/type").asText()).isEqualTo("null");
  }

  @Test
  void recordComponentNamesBecomeSnakeCase() throws Exception {
    JsonNode params = compileTool("  public record Q(int resultsPerPage, String apiURL) {}",
        DiagnosticsTest.TOOL, "  public String run(Q q) { return \"\"; }");

    assertThat(params.at("/0/name").asText()).isEqualTo("results_per_page");
    assertThat(params.at("/1/name").asText()).isEqualTo("api_url");
  }

  @Test
  void aRecordInputSpreadsItsComponentsAsTheToolParameters() throws Exception {
    JsonNode params = compileTool("  public record Q(@Param(displayName = \"Text\") String text, int n) {}",
        DiagnosticsTest.TOOL, "  public String run(Q q, dev.atomemo4j.runtime.ToolContext ctx) { return \"\"; }");

    assertThat(params.size()).isEqualTo(2);
    assertThat(params.at("/0/display_name/en_US").asText()).isEqualTo("Text");
  }

  static final String SELECT = "  public String run(@Param(name = \"format\", component = \"select\", options = {"
      + "@Option(value = \"iso\", label = \"ISO\"), @Option(value = \"unix\", label = \"Unix\")}%s) String f) "
      + "{ return f; }";

  @Test
  void aStringSelectWithOptionsWritesNoEnumByDefaultAsTheOfficialPluginsDo() throws Exception {
    JsonNode params = compileTool(DiagnosticsTest.TOOL, String.format(SELECT, ""));

    assertThat(params.at("/0/enum").isMissingNode()).isTrue();
  }

  @Test
  void optionsAsEnumWritesTheOptionValuesAsTheEnumAndTheRuntimeRejectsOthers() throws Exception {
    Compilation c = Sources.compile(DiagnosticsTest.plugin(), DiagnosticsTest.tools(DiagnosticsTest.TOOL,
        String.format(SELECT, ", optionsAsEnum = true")));
    assertThat(c).succeeded();
    JsonNode params = JSON.readTree(Sources.resource(c, "META-INF/atomemo4j/demo-plugin/definition.json"))
        .at("/tools/0/parameters");
    JsonNode schema = JSON.readTree(Sources.resource(c, "META-INF/atomemo4j/demo-plugin/schemas/demo-tool.input.json"));
    var tool = GeneratedClasses.descriptor(c, "demo.DemoRegistry").tool("demo-tool").orElseThrow();

    assertThat(params.at("/0/enum").toString()).isEqualTo("[\"iso\",\"unix\"]");
    assertThat(schema.at("/properties/format/enum").toString()).isEqualTo("[\"iso\",\"unix\"]");
    assertThat(dev.atomemo4j.runtime.internal.shape.ShapeDecoder.decodeParameters(tool.input(),
        JSON.readTree("{\"format\": \"rfc\"}"), dev.atomemo4j.runtime.internal.shape.DecodeContext.EMPTY).isOk())
        .isFalse();
  }

  @Test
  void aMapOfRecordsBecomesAnObjectWithAdditionalProperties() throws Exception {
    JsonNode params = compileTool("  public record P(int x) {}", DiagnosticsTest.TOOL,
        "  public String run(@Param(name = \"points\") Map<String, P> points) { return \"\"; }");

    assertThat(params.at("/0/type").asText()).isEqualTo("object");
    assertThat(params.at("/0/additional_properties/type").asText()).isEqualTo("object");
    assertThat(params.at("/0/additional_properties/properties/0/name").asText()).isEqualTo("x");
  }
}
