package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.runtime.Atomemo4jException;
import org.junit.jupiter.api.Test;

class DefinitionDocumentTest {

  private static final String GENERATED = "{\n  \"name\": \"acme-echo\",\n  \"locales\": [\n    \"en-US\"\n  ],\n"
      + "  \"version\": \"1.0.0\",\n  \"tools\": []\n}";

  @Test
  void theRegisterPayloadIsTheGeneratedDefinitionWithAuthorAndEmailSet() throws Exception {
    DefinitionDocument document = DefinitionDocument.of(GENERATED, "Jane", "jane@example.com");

    ObjectNode expected = (ObjectNode) new ObjectMapper().readTree(GENERATED);
    expected.put("author", "Jane");
    expected.put("email", "jane@example.com");
    assertThat(new ObjectMapper().readTree(document.payloadJson())).isEqualTo(expected);
  }

  @Test
  void theRegisterPayloadIsCompact() {
    DefinitionDocument document = DefinitionDocument.of(GENERATED, "Jane", "jane@example.com");

    assertThat(document.payloadJson()).isEqualTo("{\"name\":\"acme-echo\",\"locales\":[\"en-US\"],"
        + "\"author\":\"Jane\",\"email\":\"jane@example.com\",\"version\":\"1.0.0\",\"tools\":[]}");
  }

  @Test
  void aGeneratedDefinitionThatIsNotAnObjectStopsStartUpAskingForARebuild() {
    assertThatThrownBy(() -> DefinitionDocument.of("[]", "Jane", "jane@example.com"))
        .isInstanceOf(Atomemo4jException.class)
        .hasMessageContaining("rebuild the plugin");
  }
}
