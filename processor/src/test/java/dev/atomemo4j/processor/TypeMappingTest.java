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
  void noUiWritesNoUiMemberWhereAComponentWouldBeTheDefault() throws Exception {
    JsonNode params = compileTool(DiagnosticsTest.TOOL,
        "  public String run(@Param(noUi = true) String token, String other) { return token; }");

    assertThat(params.at("/0/ui").isMissingNode()).isTrue();
    assertThat(params.at("/1/ui/component").asText()).isEqualTo("input");
  }

  @Test
  void locatorModesFollowTheDeclaredOrderWithTheirPlaceholders() throws Exception {
    JsonNode params = compileTool(DiagnosticsTest.TOOL,
        "  public String run(@Locator(list = \"bases\", urlRegex = \"app([a-z]+)\", order = {\"url\", \"id\","
            + " \"list\"}, urlPlaceholder = \"Paste a link\", idDisplayName = \"By id\") "
            + "dev.atomemo4j.model.value.ResourceLocator base) { return \"\"; }",
        "  @LocatorList(\"bases\") public Object bases(dev.atomemo4j.runtime.LocatorRequest r) { return null; }");

    assertThat(params.at("/0/modes/0/type").asText()).isEqualTo("url");
    assertThat(params.at("/0/modes/0/placeholder/en_US").asText()).isEqualTo("Paste a link");
    assertThat(params.at("/0/modes/1/display_name/en_US").asText()).isEqualTo("By id");
    assertThat(params.at("/0/modes/2/search_list_method").asText()).isEqualTo("bases");
  }

  @Test
  void aVariantCanNameItsObjectAndDescribeItsDiscriminator() throws Exception {
    JsonNode params = compileTool("  @Union(discriminator = \"type\", component = \"\")",
        "  public sealed interface Format permits Md, Html {}",
        "  @Variant(value = \"markdown\", name = \"markdown_format\", object = @Param(displayName = \"Markdown\"),",
        "      discriminator = @Param(displayName = \"Type\", required = Required.UNSTATED))",
        "  public record Md() implements Format {}",
        "  @Variant(\"html\") public record Html(boolean pretty) implements Format {}",
        DiagnosticsTest.TOOL, "  public String run(List<Format> formats) { return \"\"; }");

    JsonNode union = params.at("/0/items");
    assertThat(union.has("discriminator_ui")).isFalse();
    assertThat(union.at("/any_of/0/name").asText()).isEqualTo("markdown_format");
    assertThat(union.at("/any_of/0/display_name/en_US").asText()).isEqualTo("Markdown");
    assertThat(union.at("/any_of/0/properties/0/display_name/en_US").asText()).isEqualTo("Type");
    assertThat(union.at("/any_of/0/properties/0/required").isMissingNode()).isTrue();
    assertThat(union.at("/any_of/1/properties/0/required").asBoolean()).isTrue();
  }

  @Test
  void aLoneFileRefParameterIsAFileRefNotAnInputRecord() throws Exception {
    JsonNode params = compileTool(DiagnosticsTest.TOOL,
        "  public String run(dev.atomemo4j.model.value.FileRef file) { return \"\"; }");

    assertThat(params.size()).isEqualTo(1);
    assertThat(params.at("/0/type").asText()).isEqualTo("file_ref");
    assertThat(params.at("/0/name").asText()).isEqualTo("file");
  }

  @Test
  void aLocatorParameterTakesItsDefaultValueObject() throws Exception {
    JsonNode params = compileTool(DiagnosticsTest.TOOL,
        "  public String run(@Param(defaultValue = \"{\\\"mode_name\\\": \\\"id\\\", \\\"value\\\": \\\"rec1\\\"}\") "
            + "dev.atomemo4j.model.value.ResourceLocator record) { return \"\"; }");

    assertThat(params.at("/0/default").toString())
        .isEqualTo("{\"__type__\":\"resource_locator\",\"mode_name\":\"id\",\"value\":\"rec1\"}");
  }

  @Test
  void aLocatorLeftOutOfARequestIsDecodedAsItsDefault() throws Exception {
    Compilation c = Sources.compile(DiagnosticsTest.plugin(), DiagnosticsTest.tools(DiagnosticsTest.TOOL,
        "  public String run(@Param(defaultValue = \"{\\\"mode_name\\\": \\\"id\\\", \\\"value\\\": \\\"rec1\\\"}\") "
            + "dev.atomemo4j.model.value.ResourceLocator record) { return record.value(); }"));
    assertThat(c).succeeded();
    var tool = GeneratedClasses.descriptor(c, "demo.DemoRegistry").tool("demo-tool").orElseThrow();

    var decoded = dev.atomemo4j.runtime.internal.shape.ShapeDecoder.decodeParameters(tool.input(),
        JSON.readTree("{}"), dev.atomemo4j.runtime.internal.shape.DecodeContext.EMPTY);

    assertThat(decoded.problems()).isEmpty();
    assertThat(tool.invoker().invoke(decoded.value(), null)).isEqualTo("rec1");
  }

  @Test
  void aMapperParameterTakesItsDefaultValueObject() throws Exception {
    JsonNode params = compileTool(DiagnosticsTest.TOOL,
        "  public String run(@Mapper(\"fields\") @Param(defaultValue = \"{\\\"mapping_mode\\\": \\\"auto\\\"}\") "
            + "dev.atomemo4j.model.value.ResourceMapper columns) { return \"\"; }",
        "  @ResourceMapping(\"fields\") public Object fields(dev.atomemo4j.runtime.MappingRequest r) { return null; }");

    assertThat(params.at("/0/default/__type__").asText()).isEqualTo("resource_mapper");
    assertThat(params.at("/0/default/mapping_mode").asText()).isEqualTo("auto");
  }

  @Test
  void aLocatorDefaultThatIsNotAnObjectIsAnErrorOnTheDefault() {
    JavaFileObject t = DiagnosticsTest.tools(DiagnosticsTest.TOOL, "  public String run(",
        "      @Param(defaultValue = \"rec1\") dev.atomemo4j.model.value.ResourceLocator record) { return \"\"; }");
    Compilation c = Sources.compile(DiagnosticsTest.plugin(), t);

    assertThat(c).hadErrorContaining("the default of a resource_locator parameter is an object").inFile(t)
        .onLineContaining("defaultValue = \"rec1\"");
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
