package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.runtime.testsupport.RecordingLogs;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets stay secret (issue 4, "Security"): the debug API key and credential values never reach a log or an
 * error payload, even with {@code DEBUG=true} logging every frame and a plugin that puts a key into its exception.
 */
@Timeout(30)
class RedactionTest {

  static final String API_KEY = "dbg-key-7f3a9c41e2";
  static final String CREDENTIAL_VALUE = "sk-live-SUPERSECRET-0042";

  @TempDir Path dir;
  HubFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    RecordingLogs.clear();
    fx = new HubFixture(dir);
    fx.options.override("HUB_DEBUG_API_KEY", API_KEY).override("DEBUG", "true");
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
    String logs = RecordingLogs.all();
    assertThat(logs).doesNotContain(API_KEY).doesNotContain(CREDENTIAL_VALUE);
  }

  @Test
  void pluginExceptionQuotingACredentialValueIsScrubbedInTheErrorAndTheLogs() {
    fx.startAndRegister();
    JsonNode e = fx.request("invoke_tool", "{'request_id':'r','tool_name':'leak-key','parameters':{'key':'c1'},"
        + "'credentials':{'c1':{'api_key':'" + CREDENTIAL_VALUE + "'}}}", "invoke_tool_error").get("error");
    assertThat(e.get("message").asText()).isEqualTo("the key [REDACTED] was refused");
    assertThat(e.get("stack").asText()).contains("[REDACTED]").doesNotContain(CREDENTIAL_VALUE);
    assertThat(RecordingLogs.all()).contains("leak-key").contains("[REDACTED]");
  }

  @Test
  void debugFrameLogShowsRequestsWithCredentialValuesMasked() {
    fx.startAndRegister();
    fx.request("invoke_tool", "{'request_id':'r','tool_name':'use-key','parameters':{'key':'c1'},"
        + "'credentials':{'c1':{'api_key':'" + CREDENTIAL_VALUE + "'}}}", "invoke_tool_response");
    assertThat(RecordingLogs.all())
        .contains("<- invoke_tool {\"request_id\":\"r\"")
        .contains("\"credentials\":{\"c1\":{\"api_key\":\"[REDACTED]\"}}")
        .contains("-> invoke_tool_response");
  }

  @Test
  void secretsInAnswersAreMaskedInTheFrameLog() {
    fx.startAndRegister();
    JsonNode spec = fx.request("credential_auth_spec", "{'request_id':'r','credential_name':'api-key',"
        + "'credential':{'api_key':'" + CREDENTIAL_VALUE + "'}}", "credential_auth_spec_response");
    assertThat(spec.get("data").get("api_key").asText()).isEqualTo(CREDENTIAL_VALUE); // what the Hub asked for
    fx.request("oauth2_get_token", "{'request_id':'r2','credential_name':'oauth','credential':{'client_id':'cid',"
        + "'client_secret':'" + CREDENTIAL_VALUE + "'},'code':'c0de-1234','redirect_uri':'https://hub/cb'}",
        "oauth2_get_token_response");
    assertThat(RecordingLogs.all()).contains("-> oauth2_get_token_response").doesNotContain("at-c0de-1234");
  }

  @Test
  void refusedUpgradeNeverShowsTheApiKey() {
    fx.hub.refuseNext(403);
    fx.start();
    assertThat(fx.server.termination().toCompletableFuture()).failsWithin(HubFixture.WAIT);
    assertThat(RecordingLogs.all()).contains("api_key=REDACTED");
  }

  @Test
  void configurationSummaryNeverShowsTheApiKey() {
    fx.startAndRegister();
    assertThat(fx.server.config().toString()).doesNotContain(API_KEY);
    assertThat(fx.server.toString()).doesNotContain(API_KEY).contains("api_key=REDACTED");
  }

  @Test
  void secretTypedToolParametersAreMaskedInTheFrameLogAndInErrors() {
    fx.startAndRegister();
    JsonNode e = fx.request("invoke_tool", "{'request_id':'r','tool_name':'secret-param','parameters':{'token':'"
        + CREDENTIAL_VALUE + "'}}", "invoke_tool_error").get("error");

    assertThat(e.toString()).doesNotContain(CREDENTIAL_VALUE).contains("[REDACTED]");
    assertThat(RecordingLogs.all()).contains("<- invoke_tool").doesNotContain(CREDENTIAL_VALUE);
  }

  @Test
  void secretsInsideARecordAListAndAMapAreMaskedInTheErrorItsDetailsAndTheLogs() {
    String inRecord = "rec-token-31415926";
    String inList = "list-token-27182818";
    String inMap = "map-token-16180339";
    fx.startAndRegister();
    JsonNode e = fx.request("invoke_tool", "{'request_id':'r','tool_name':'nested-secret','parameters':{"
        + "'connection':{'host':'db.example','token':'" + inRecord + "'},'tokens':['" + inList + "'],"
        + "'vault':{'k':'" + inMap + "'}}}", "invoke_tool_error").get("error");

    assertThat(e.get("message").asText()).isEqualTo("refused [REDACTED] [REDACTED] [REDACTED]");
    assertThat(e.get("tried").asText()).isEqualTo("[REDACTED] [REDACTED] [REDACTED]");
    assertThat(RecordingLogs.all()).contains("<- invoke_tool")
        .doesNotContain(inRecord).doesNotContain(inList).doesNotContain(inMap);
  }

  @Test
  void aLongSecretQuotedInAProblemIsMaskedBeforeTheValueIsShortened() {
    String longSecret = "sk-live-" + "Q".repeat(60);
    fx.startAndRegister();
    JsonNode e = fx.request("invoke_tool", "{'request_id':'r','tool_name':'region','parameters':{'key':'c1',"
        + "'region':'" + longSecret + "','limits':{}},'credentials':{'c1':{'api_key':'" + longSecret + "'}}}",
        "invoke_tool_error").get("error");

    assertThat(e.get("code").asText()).isEqualTo("sdk:invalid_parameter");
    assertThat(e.get("message").asText()).contains("[REDACTED]").doesNotContain("sk-live-QQQQ");
    assertThat(e.toString()).doesNotContain("sk-live-QQQQ");
  }

  @Test
  void aSecretInAProblemPointerIsMasked() {
    fx.startAndRegister();
    JsonNode e = fx.request("invoke_tool", "{'request_id':'r','tool_name':'region','parameters':{'key':'c1',"
        + "'region':'eu-west','limits':{'" + CREDENTIAL_VALUE + "':'many'}},'credentials':{'c1':{'api_key':'"
        + CREDENTIAL_VALUE + "'}}}", "invoke_tool_error").get("error");

    assertThat(e.get("problems").get(0).get("pointer").asText()).isEqualTo("/limits/[REDACTED]");
    assertThat(e.toString()).doesNotContain(CREDENTIAL_VALUE);
  }

  @Test
  void debugShowsFramesWithTheLoggingBackendAtItsDefaultInfoLevel() {
    RecordingLogs.minimumLevel(org.slf4j.event.Level.INFO);
    fx.startAndRegister();
    fx.request("invoke_tool", "{'request_id':'r','tool_name':'echo-text','parameters':{'text':'hi'}}",
        "invoke_tool_response");

    assertThat(RecordingLogs.events()).anyMatch(e -> e.logger().equals("dev.atomemo4j.frames")
        && e.text().startsWith("<- invoke_tool {\"request_id\":\"r\""));
    assertThat(RecordingLogs.events()).anyMatch(e -> e.logger().equals("dev.atomemo4j.frames")
        && e.text().startsWith("-> invoke_tool_response"));
  }
}
