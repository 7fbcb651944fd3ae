package dev.atomemo4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixture's generated config schema, judged by a real JSON Schema 2020-12 validator (networknt). {@code format:
 * email} is an annotation in 2020-12, not an assertion, so e-mail addresses are left to the generated checks.
 */
class ConfigSchemaTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static JsonSchema schema;

  @BeforeAll
  static void load() throws Exception {
    JsonNode node = JSON.readTree(Sources.resource(AtlasGoldenFilesTest.atlas(),
        "META-INF/atomemo4j/tickets/schemas/config.json"));
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
  }

  static ObjectNode valid() throws Exception {
    return (ObjectNode) JSON.readTree("{\"apiUrl\": \"https://t.example.com\", \"apiKey\": \"k-123456\","
        + " \"mode\": \"strict\", \"budget\": 5}");
  }

  @Test
  void aConfigWithOnlyTheRequiredKeysIsValid() throws Exception {
    assertThat(schema.validate(valid())).isEmpty();
  }

  @Test
  void aMissingRequiredKeyIsRejected() throws Exception {
    ObjectNode config = valid();
    config.remove("apiKey");

    assertThat(schema.validate(config)).isNotEmpty();
  }

  @Test
  void anUndeclaredKeyIsRejected() throws Exception {
    assertThat(schema.validate(valid().put("apikey", "x"))).isNotEmpty();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "apiUrl | \"   \"",
      "apiUrl | \"ftp://x\"",
      "defaultPriority | \"urgent\"",
      "pageSize | 0",
      "pageSize | 101",
      "pageSize | 2.5",
      "mode | \"STRICT\"",
      "team | \"" + "0123456789012345678901234567890123456789x" + "\"",
      "budget | 0",
      "verbose | \"yes\""})
  void aValueBreakingARuleIsRejected(String key, String value) throws Exception {
    Set<ValidationMessage> problems = schema.validate(valid().set(key, JSON.readTree(value)));

    assertThat(problems).isNotEmpty();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "escalateTo | null",
      "team | null",
      "pageSize | 100",
      "defaultPriority | \"high\"",
      "apiUrl | \"http://\u00a0\""})
  void aValueWithinTheRulesIsAccepted(String key, String value) throws Exception {
    assertThat(schema.validate(valid().set(key, JSON.readTree(value)))).isEmpty();
  }
}
