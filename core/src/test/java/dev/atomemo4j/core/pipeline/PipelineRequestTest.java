package dev.atomemo4j.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The neutral request a front end builds: what each kind needs, and what it never prints. */
class PipelineRequestTest {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void absentCredentialsAndValuesBecomeEmptyObjects() {
    PipelineRequest tool = PipelineRequest.invokeTool("r", "greet", null, null, Optional.empty());
    PipelineRequest callback = PipelineRequest.oauth2RefreshToken("r", "api", null, Optional.empty());

    assertThat(tool.credentials()).isEqualTo(NODES.objectNode());
    assertThat(callback.credentialValues()).isEqualTo(NODES.objectNode());
  }

  @Test
  void aKindsRequiredComponentCannotBeLeftOut() {
    assertThatThrownBy(() -> PipelineRequest.oauth2AuthorizeUrl("r", "api", null, "https://app/cb", null,
        Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a OAUTH2_AUTHORIZE_URL request needs state");
  }

  @Test
  void credentialsThatAreNotAnObjectAreRefused() {
    assertThatThrownBy(() -> PipelineRequest.invokeTool("r", "greet", null, NODES.textNode("x"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itsTextShowsKindAndIdButNoValue() {
    ObjectNode values = NODES.objectNode().put("api_key", "sk-very-secret");
    PipelineRequest r = PipelineRequest.credentialAuthenticate("req-7", "api", values, null, Optional.empty());

    assertThat(r.toString()).isEqualTo("PipelineRequest[CREDENTIAL_AUTHENTICATE req-7]");
  }
}
