package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.pipeline.PipelineRequest;
import dev.atomemo4j.core.pipeline.RequestFailure;
import dev.atomemo4j.core.pipeline.Secrets;
import dev.atomemo4j.runtime.testsupport.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How the Hub front end reads the Hub's payloads into the core's neutral request. */
class HubRequestsTest {

  static ObjectNode payload(String json) {
    return (ObjectNode) Json.parse(json);
  }

  static RequestFailure failure(RequestKind kind, String json) {
    try {
      HubRequests.read(kind, "r", payload(json));
    } catch (RequestFailure f) {
      return f;
    }
    throw new AssertionError("the payload was read: " + json);
  }

  @Test
  void invokeToolCarriesToolParametersCredentialsAndOrganization() throws Exception {
    PipelineRequest r = HubRequests.read(RequestKind.INVOKE_TOOL, "r-1", payload("{'tool_name':'echo-text',"
        + "'parameters':{'text':'hi'},'credentials':{'c1':{'key':'v'}},'context':{'organization_id':'org-9'}}"));

    assertThat(r.kind()).isEqualTo(PipelineRequest.Kind.INVOKE_TOOL);
    assertThat(r.requestId()).isEqualTo("r-1");
    assertThat(r.toolName()).isEqualTo("echo-text");
    assertThat(r.parameters()).isEqualTo(Json.parse("{'text':'hi'}"));
    assertThat(r.credentials()).isEqualTo(Json.parse("{'c1':{'key':'v'}}"));
    assertThat(r.organizationId()).contains("org-9");
  }

  @Test
  void invokeToolPassesParametersThatAreNotAnObjectOnForTheDecoderToReport() throws Exception {
    PipelineRequest r = HubRequests.read(RequestKind.INVOKE_TOOL, "r", payload("{'tool_name':'t','parameters':[1]}"));

    assertThat(r.parameters()).isEqualTo(Json.parse("[1]"));
  }

  @Test
  void locatorListCarriesMethodFilterAndPageToken() throws Exception {
    PipelineRequest r = HubRequests.read(RequestKind.LOCATOR_LIST, "r", payload("{'tool_name':'t','method':'m',"
        + "'filter':'ab','pagination_token':null}"));

    assertThat(r.method()).isEqualTo("m");
    assertThat(r.filter()).contains("ab");
    assertThat(r.paginationToken()).isEmpty();
    assertThat(r.parameters()).isEqualTo(Json.parse("{}"));
  }

  @Test
  void oauth2GetTokenCarriesCodeRedirectUriAndTheCredentialsValues() throws Exception {
    PipelineRequest r = HubRequests.read(RequestKind.OAUTH2_GET_TOKEN, "r", payload("{'credential_name':'oauth',"
        + "'credential':{'client_id':'cid'},'code':'c0de','redirect_uri':'https://hub/cb'}"));

    assertThat(r.kind()).isEqualTo(PipelineRequest.Kind.OAUTH2_GET_TOKEN);
    assertThat(r.credentialName()).isEqualTo("oauth");
    assertThat(r.credentialValues()).isEqualTo(Json.parse("{'client_id':'cid'}"));
    assertThat(r.code()).isEqualTo("c0de");
    assertThat(r.redirectUri()).isEqualTo("https://hub/cb");
    assertThat(r.organizationId()).isEqualTo(Optional.empty());
  }

  @Test
  void aMistypedMemberIsInvalidRequestNamingTheHubsMember() {
    RequestFailure f = failure(RequestKind.LOCATOR_LIST, "{'tool_name':'t','method':'m','filter':3}");

    assertThat(f.code()).isEqualTo("sdk:invalid_request");
    assertThat(f.getMessage()).isEqualTo("`locator_list` needs `filter` as a string or null, but got a number");
    assertThat(f.members().get("member").asText()).isEqualTo("filter");
  }

  @Test
  void credentialValuesThatAreNotAnObjectAreInvalidRequest() {
    RequestFailure f = failure(RequestKind.CREDENTIAL_AUTH_SPEC, "{'credential_name':'key','credential':'x'}");

    assertThat(f.getMessage()).isEqualTo("`credential_auth_spec` needs `credential` as an object, but got a string");
  }

  @Test
  void theSecretsOfAPayloadAreItsCredentialStringsTheSecretValuesGivenAndTheApiKey() {
    // The Secret-typed values (found by SecretValues along the tool's input shape) are passed in as values.
    Secrets s = HubRequests.secretsOf(payload("{'credentials':{'c':{'token':'tok-123'}},"
        + "'credential':{'key':'key-456'},'parameters':{'password':'pw-789','text':'plain-text'}}"),
        "api-key-0", List.of("pw-789"));

    assertThat(List.of("tok-123", "key-456", "pw-789", "api-key-0")).allMatch(s::isSecret);
    assertThat(s.isSecret("plain-text")).isFalse();
  }

  /**
   * The one order that changed when the checks moved out of the pipeline: the Hub's members are all checked before
   * the core looks up what they name, so a request both malformed and addressing an unknown tool is malformed.
   */
  @Test
  @Timeout(30)
  void aMalformedRequestIsInvalidRequestEvenWhenItsToolIsUnknown(@TempDir Path dir) throws Exception {
    try (HubFixture fx = new HubFixture(dir)) {
      fx.startAndRegister();
      JsonNode answer = fx.request("invoke_tool", "{'request_id':'r','tool_name':'no-such-tool','parameters':{},"
          + "'credentials':'nope'}", "invoke_tool_error");

      assertThat(answer.get("error").get("code").asText()).isEqualTo("sdk:invalid_request");
      assertThat(answer.get("error").get("member").asText()).isEqualTo("credentials");
    }
  }

  @Test
  void aMissingMemberIsInvalidRequestSayingItIsMissing() {
    assertThatThrownBy(() -> HubRequests.read(RequestKind.RESOURCE_MAPPING, "r", payload("{'tool_name':'t'}")))
        .isInstanceOf(RequestFailure.class)
        .hasMessage("`resource_mapping` needs `method` as a non-empty string, but it is missing");
  }
}
