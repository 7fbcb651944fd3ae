package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.atomemo4j.runtime.internal.shape.DecodeContext;
import dev.atomemo4j.runtime.internal.shape.Decoded;
import dev.atomemo4j.runtime.internal.shape.ShapeDecoder;
import dev.atomemo4j.runtime.spi.ToolBinding;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * java.time types, UUID, URI/URL and byte[]: string properties with the matching JSON Schema format, decoded by the
 * generated registry into the Java type, with a clear problem for a bad value.
 */
class TextTypeMappingTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static Compilation compilation;
  static JsonNode parameters;
  static JsonNode schema;
  static ToolBinding tool;

  @BeforeAll
  static void compile() throws Exception {
    compilation = Sources.compile(DiagnosticsTest.plugin(), DiagnosticsTest.tools(DiagnosticsTest.TOOL,
        "  public String run(java.time.Instant at, java.time.OffsetDateTime offsetAt, java.time.ZonedDateTime zonedAt,",
        "      java.time.LocalDate day, java.time.LocalTime time, java.time.LocalDateTime localAt,",
        "      java.time.Duration wait, UUID id, java.net.URI link, java.net.URL page, byte[] data,",
        "      @Param(defaultValue = \"PT5M\") Optional<java.time.Duration> grace) {",
        "    return at + \" \" + day + \" \" + wait + \" \" + id + \" \" + data.length + \" \" + grace.orElseThrow();",
        "  }"));
    assertThat(compilation).succeeded();
    parameters = JSON.readTree(Sources.resource(compilation, "META-INF/atomemo4j/demo-plugin/definition.json"))
        .at("/tools/0/parameters");
    schema = JSON.readTree(Sources.resource(compilation,
        "META-INF/atomemo4j/demo-plugin/schemas/demo-tool.input.json"));
    tool = GeneratedClasses.descriptor(compilation, "demo.DemoRegistry").tool("demo-tool").orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"at, date-time", "offset_at, date-time", "zoned_at, date-time", "day, date", "wait, duration",
      "id, uuid", "link, uri", "page, uri"})
  void aTypedStringIsAStringInputWithItsSchemaFormat(String name, String format) {
    JsonNode p = property(name);

    assertThat(p.path("type").asText()).isEqualTo("string");
    assertThat(p.at("/ui/component").asText()).isEqualTo("input");
    assertThat(schema.at("/properties/" + name + "/format").asText()).isEqualTo(format);
  }

  @Test
  void bytesAreAStringWithBase64ContentEncoding() {
    assertThat(property("data").path("type").asText()).isEqualTo("string");
    assertThat(schema.at("/properties/data/contentEncoding").asText()).isEqualTo("base64");
  }

  @Test
  void localTimesHaveAPatternBecauseNoFormatMatchesATimeWithoutOffset() {
    assertThat(schema.at("/properties/time/format").isMissingNode()).isTrue();
    assertThat(schema.at("/properties/local_at/pattern").asText()).startsWith("^\\d{4}-");
  }

  static final String GOOD = "{\"at\": \"2024-05-01T10:15:30Z\", \"offset_at\": \"2024-05-01T10:15:30+02:00\","
      + " \"zoned_at\": \"2024-05-01T10:15:30+02:00\", \"day\": \"2024-05-01\", \"time\": \"10:15\","
      + " \"local_at\": \"2024-05-01T10:15\", \"wait\": \"PT15M\", \"id\": \"123e4567-e89b-12d3-a456-426614174000\","
      + " \"link\": \"https://example.com/a\", \"page\": \"https://example.com/b\", \"data\": \"aGVsbG8=\"}";

  @Test
  void theRegistryDecodesGoodValuesIntoTheJavaTypesAndTheDefaultIntoItsType() throws Exception {
    Decoded d = ShapeDecoder.decodeParameters(tool.input(), JSON.readTree(GOOD), DecodeContext.EMPTY);

    assertThat(d.problems()).isEmpty();
    assertThat(tool.invoker().invoke(d.value(), null)).isEqualTo(Instant.parse("2024-05-01T10:15:30Z") + " "
        + LocalDate.of(2024, 5, 1) + " " + Duration.ofMinutes(15) + " "
        + UUID.fromString("123e4567-e89b-12d3-a456-426614174000") + " 5 " + Duration.ofMinutes(5));
  }

  @Test
  void theSchemaAcceptsWhatTheRegistryAccepts() throws Exception {
    var validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);

    assertThat(validator.validate(JSON.readTree(GOOD))).isEmpty();
  }

  @Test
  void aBadValueIsAProblemAtItsPointerSayingWhatIsExpected() throws Exception {
    JsonNode bad = JSON.readTree(GOOD.replace("\"PT15M\"", "\"15 minutes\""));

    Decoded d = ShapeDecoder.decodeParameters(tool.input(), bad, DecodeContext.EMPTY);

    assertThat(d.describe()).contains("/wait").contains("must be an ISO-8601 duration, e.g. PT15M or P1DT2H, got "
        + "\"15 minutes\"");
  }

  @Test
  @DiagnosticsTest.Covers("bad-text-value")
  void aDefaultThatDoesNotParseIsACompileErrorOnTheDefault() {
    JavaFileObject t = DiagnosticsTest.tools(DiagnosticsTest.TOOL,
        "  public String run(@Param(name = \"day\",", "      defaultValue = \"May 1st\") Optional<java.time.LocalDate> day) {",
        "    return \"\";", "  }");
    Compilation c = Sources.compile(DiagnosticsTest.plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-text-value] defaultValue \"May 1st\" is not a "
        + "java.time.LocalDate").inFile(t).onLineContaining("May 1st");
  }

  private static JsonNode property(String name) {
    for (JsonNode p : parameters) {
      if (p.path("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no parameter " + name + " in " + parameters);
  }
}
