package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.runtime.testsupport.Json;
import dev.atomemo4j.runtime.testsupport.RecordingLogs;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request the Hub can send (hub-protocol §8.2–8.8), answered through the plugin's bindings, and every error
 * the runtime answers with (§11), one per test.
 */
@Timeout(30)
class RequestsTest {

  @TempDir Path dir;
  HubFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    RecordingLogs.clear();
    fx = new HubFixture(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  JsonNode answer(String event, String payload, String answerEvent) {
    if (fx.server == null) {
      fx.startAndRegister();
    }
    return fx.request(event, payload, answerEvent);
  }

  JsonNode error(String event, String payload) {
    JsonNode answer = answer(event, payload, event + "_error");
    assertThat(answer.get("request_id").asText()).isEqualTo(Json.parse(payload).get("request_id").asText());
    return answer.get("error");
  }

  @Nested
  class InvokeTool {

    @Test
    void answersWithTheToolsResult() {
      assertThat(answer("invoke_tool", "{'request_id':'r','tool_name':'echo-text','parameters':{'text':'hi'}}",
          "invoke_tool_response")).isEqualTo(Json.parse("{'request_id':'r','data':{'text':'hi'}}"));
    }

    @Test
    void passesRequestIdAndOrganizationToTheToolContext() {
      assertThat(answer("invoke_tool", "{'request_id':'r9','tool_name':'context','parameters':{},"
          + "'context':{'organization_id':'org_123'}}", "invoke_tool_response").get("data"))
          .isEqualTo(Json.parse("{'request_id':'r9','organization_id':'org_123'}"));
    }

    @Test
    void aToolReportingProgressAndCheckingCancellationIsAnsweredAsUsual() {
      assertThat(answer("invoke_tool", "{'request_id':'r','tool_name':'progress','parameters':{}}",
          "invoke_tool_response").get("data")).isEqualTo(Json.parse("{'cancelled':false}"));
    }

    @Test
    void awaitsACompletableFutureResult() {
      assertThat(answer("invoke_tool", "{'request_id':'r','tool_name':'async','parameters':{}}",
          "invoke_tool_response").get("data")).isEqualTo(Json.parse("{'async':true}"));
    }

    @Test
    void decodesTheCredentialParameterFromTheRequestsCredentials() {
      assertThat(answer("invoke_tool", "{'request_id':'r','tool_name':'use-key','parameters':{'key':'cred-1'},"
          + "'credentials':{'cred-1':{'api_key':'sk-0123456789'}}}", "invoke_tool_response").get("data"))
          .isEqualTo(Json.parse("{'key_length':13}"));
    }

    @Test
    void unknownToolIsToolNotFoundNamingTheTools() {
      JsonNode e = error("invoke_tool", "{'request_id':'r','tool_name':'nope','parameters':{}}");
      assertThat(e.get("code").asText()).isEqualTo("sdk:tool_not_found");
      assertThat(e.get("message").asText()).contains("no tool `nope`").contains("echo-text");
    }

    @Test
    void aCallNamingAnActionIsRefusedAsNeedingApprovalAndTheBodyNeverRuns() {
      JsonNode e = error("invoke_tool", "{'request_id':'r','tool_name':'send-mail','parameters':{}}");

      assertThat(e.get("code").asText()).isEqualTo("sdk:approval_required");
      assertThat(fx.plugin.actionRuns).hasValue(0);
    }

    @Test
    void anAutoActionIsCalledAsAToolAndRunsOnceOnThePluginObject() {
      JsonNode data = answer("invoke_tool", "{'request_id':'r','tool_name':'stamp-form','parameters':{'form':'F1'}}",
          "invoke_tool_response").get("data");

      assertThat(data.asText()).isEqualTo("stamped F1 by the plugin object");
      assertThat(fx.plugin.autoRuns).hasValue(1);
    }

    @Test
    void anAutoActionCalledWithBadParametersIsInvalidParameterAndNeverRuns() {
      JsonNode e = error("invoke_tool", "{'request_id':'r','tool_name':'stamp-form','parameters':{'form':7}}");

      assertThat(e.get("code").asText()).isEqualTo("sdk:invalid_parameter");
      assertThat(fx.plugin.autoRuns).hasValue(0);
    }

    @Test
    void wrongParametersAreInvalidParameterListingEveryProblem() {
      JsonNode e = error("invoke_tool", "{'request_id':'r','tool_name':'echo-text','parameters':{'text':3,'extra':1}}");
      assertThat(e.get("code").asText()).isEqualTo("sdk:invalid_parameter");
      assertThat(e.get("problems")).hasSize(2);
      assertThat(e.get("problems").findValuesAsText("pointer")).containsExactly("/text", "/extra");
      assertThat(e.get("message").asText()).contains("/text").contains("/extra");
    }

    @Test
    void missingCredentialInstanceIsInvalidParameterWithoutQuotingValues() {
      JsonNode e = error("invoke_tool", "{'request_id':'r','tool_name':'use-key','parameters':{'key':'cred-9'},"
          + "'credentials':{'cred-1':{'api_key':'sk-0123456789'}}}");
      assertThat(e.get("code").asText()).isEqualTo("sdk:invalid_parameter");
      assertThat(e.toString()).contains("cred-9").doesNotContain("sk-0123456789");
    }

    @Test
    void missingToolNameIsInvalidRequest() {
      JsonNode e = error("invoke_tool", "{'request_id':'r','parameters':{}}");
      assertThat(e.get("code").asText()).isEqualTo("sdk:invalid_request");
      assertThat(e.get("message").asText()).contains("`tool_name`").contains("missing");
    }

    @Test
    void credentialsThatAreNotAnObjectAreInvalidRequest() {
      JsonNode e = error("invoke_tool", "{'request_id':'r','tool_name':'echo-text','parameters':{'text':'x'},"
          + "'credentials':'nope'}");
      assertThat(e.get("code").asText()).isEqualTo("sdk:invalid_request");
      assertThat(e.get("member").asText()).isEqualTo("credentials");
    }

    @Test
    void missingRequestIdIsAnsweredInvalidRequestWithNullId() {
      fx.startAndRegister();
      fx.send("invoke_tool", "{'tool_name':'echo-text','parameters':{'text':'x'}}");
      JsonNode answer = fx.connection.expectEvent("invoke_tool_error").get(4);
      assertThat(answer.get("request_id").isNull()).isTrue();
      assertThat(answer.get("error").get("code").asText()).isEqualTo("sdk:invalid_request");
    }

    @Test
    void pluginExceptionIsSdkExceptionWithItsClassAndNoStack() {
      JsonNode e = error("invoke_tool", "{'request_id':'r','tool_name':'fail','parameters':{'message':'text must "
          + "not be empty'}}");
      assertThat(e).isEqualTo(Json.parse("{'code':'sdk:exception','message':'text must not be empty',"
          + "'name':'java.lang.IllegalStateException'}"));
    }

    @Test
    void pluginExceptionCarriesTheStackWhenDebugIsTrue() {
      fx.options.override("DEBUG", "true");
      JsonNode e = error("invoke_tool", "{'request_id':'r','tool_name':'fail','parameters':{'message':'boom'}}");
      assertThat(e.get("stack").asText()).startsWith("java.lang.IllegalStateException: boom")
          .contains("at dev.atomemo4j.runtime.internal.hub.TestPlugin");
    }

    @Test
    void toolExceptionKeepsItsCodeMessageAndDetails() {
      JsonNode e = error("invoke_tool", "{'request_id':'r','tool_name':'refuse','parameters':{}}");
      assertThat(e).isEqualTo(Json.parse("{'code':'demo:not_found','message':'no such thing','thing':'x'}"));
    }

    @Test
    void toolOverItsTimeoutIsAnsweredTimeout() {
      JsonNode e = error("invoke_tool", "{'request_id':'r','tool_name':'sleepy','parameters':{}}");
      assertThat(e).isEqualTo(Json.parse("{'code':'sdk:timeout','message':'tool `sleepy` timed out after 300 ms'}"));
    }
  }

  @Nested
  class CredentialAuthSpec {

    @Test
    void answersTheAuthSpecNestedUnderData() {
      assertThat(answer("credential_auth_spec", "{'request_id':'r','credential_name':'api-key',"
          + "'credential':{'api_key':'sk-0123456789'},'extra':{'model':'gpt-x'}}", "credential_auth_spec_response"))
          .isEqualTo(Json.parse("{'request_id':'r','data':{'adapter':'openai','api_key':'sk-0123456789',"
              + "'model':'gpt-x'}}"));
    }

    @Test
    void unknownCredentialIsCredentialNotFound() {
      JsonNode e = error("credential_auth_spec", "{'request_id':'r','credential_name':'nope','credential':{}}");
      assertThat(e.get("code").asText()).isEqualTo("sdk:credential_not_found");
      assertThat(e.get("message").asText()).contains("api-key, oauth");
    }

    @Test
    void credentialWithoutAuthenticateIsInvalidCredentialAuthenticate() {
      JsonNode e = error("credential_auth_spec", "{'request_id':'r','credential_name':'oauth',"
          + "'credential':{'client_id':'c','client_secret':'s3cr3t-value'}}");
      assertThat(e.get("code").asText()).isEqualTo("sdk:invalid_credential_authenticate");
    }

    @Test
    void invalidCredentialValuesAreInvalidParameterWithoutQuotingThem() {
      JsonNode e = error("credential_auth_spec", "{'request_id':'r','credential_name':'api-key',"
          + "'credential':{'api_key':12345678}}");
      assertThat(e.get("code").asText()).isEqualTo("sdk:invalid_parameter");
      assertThat(e.get("problems").get(0).get("pointer").asText()).isEqualTo("/credential/api_key");
      assertThat(e.toString()).doesNotContain("12345678");
    }
  }

  @Nested
  class OAuth2 {

    @Test
    void buildAuthorizeUrlAnswersTheUrlWithTheStateUnchanged() {
      assertThat(answer("oauth2_build_authorize_url", "{'request_id':'r','credential_name':'oauth',"
          + "'credential':{'client_id':'cid','client_secret':'s3cr3t-value'},'redirect_uri':'https://hub/cb',"
          + "'state':'st-42'}", "oauth2_build_authorize_url_response").get("data"))
          .isEqualTo(Json.parse("{'url':'https://auth.example/authorize?client_id=cid&redirect_uri=https://hub/cb"
              + "&state=st-42'}"));
    }

    @Test
    void getTokenAnswersTheParametersPatch() {
      assertThat(answer("oauth2_get_token", "{'request_id':'r','credential_name':'oauth',"
          + "'credential':{'client_id':'cid','client_secret':'s3cr3t-value'},'code':'c0de',"
          + "'redirect_uri':'https://hub/cb'}", "oauth2_get_token_response").get("data"))
          .isEqualTo(Json.parse("{'parameters_patch':{'access_token':'at-c0de','refresh_token':'rt-1',"
              + "'expires_at':1700000000}}"));
    }

    @Test
    void refreshTokenAnswersTheParametersPatch() {
      assertThat(answer("oauth2_refresh_token", "{'request_id':'r','credential_name':'oauth',"
          + "'credential':{'client_id':'cid','client_secret':'s3cr3t-value'}}", "oauth2_refresh_token_response")
          .get("data")).isEqualTo(Json.parse("{'parameters_patch':{'access_token':'at-refreshed',"
              + "'expires_at':1700003600}}"));
    }

    @Test
    void credentialWithoutOAuth2IsMethodNotSupported() {
      JsonNode e = error("oauth2_refresh_token", "{'request_id':'r','credential_name':'api-key',"
          + "'credential':{'api_key':'sk-0123456789'}}");
      assertThat(e.get("code").asText()).isEqualTo("sdk:method_not_supported");
    }

    @Test
    void missingStateIsInvalidRequest() {
      JsonNode e = error("oauth2_build_authorize_url", "{'request_id':'r','credential_name':'oauth',"
          + "'credential':{'client_id':'cid','client_secret':'s3cr3t-value'},'redirect_uri':'https://hub/cb'}");
      assertThat(e.get("code").asText()).isEqualTo("sdk:invalid_request");
      assertThat(e.get("message").asText()).contains("`state`");
    }
  }

  @Nested
  class DesignerRequests {

    @Test
    void locatorListAnswersThePage() {
      assertThat(answer("locator_list", "{'request_id':'r','tool_name':'echo-text','method':'listThings',"
          + "'filter':'a','pagination_token':null,'parameters':{},'credentials':{}}", "locator_list_response")
          .get("data")).isEqualTo(Json.parse("{'results':[{'label':'Thing a','value':'t-1',"
              + "'url':'https://things.example/t-1'},{'label':'Other','value':'t-2','url':null}],"
              + "'pagination_token':'page-2'}"));
    }

    @Test
    void unknownLocatorMethodIsMethodNotSupported() {
      JsonNode e = error("locator_list", "{'request_id':'r','tool_name':'echo-text','method':'nope'}");
      assertThat(e.get("code").asText()).isEqualTo("sdk:method_not_supported");
      assertThat(e.get("message").asText()).contains("listThings");
    }

    @Test
    void locatorListForAnUnknownToolIsToolNotFound() {
      JsonNode e = error("locator_list", "{'request_id':'r','tool_name':'nope','method':'listThings'}");
      assertThat(e.get("code").asText()).isEqualTo("sdk:tool_not_found");
    }

    @Test
    void resourceMappingAnswersTheFields() {
      assertThat(answer("resource_mapping", "{'request_id':'r','tool_name':'echo-text','method':'mapFields',"
          + "'parameters':{}}", "resource_mapping_response").get("data"))
          .isEqualTo(Json.parse("{'fields':[{'id':'name','display_name':{'en_US':'Name'},'type':'string',"
              + "'required':true,'ui':{'hint':{'en_US':'The name'}}},{'id':'age','type':'integer'}],"
              + "'empty_fields_notice':{'en_US':'No fields for mapFields'}}"));
    }

    @Test
    void unknownMappingMethodIsMethodNotSupported() {
      JsonNode e = error("resource_mapping", "{'request_id':'r','tool_name':'echo-text','method':'listThings'}");
      assertThat(e.get("code").asText()).isEqualTo("sdk:method_not_supported");
    }
  }
}
