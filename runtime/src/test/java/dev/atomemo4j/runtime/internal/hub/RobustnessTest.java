package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.runtime.testsupport.HubConnection;
import dev.atomemo4j.runtime.testsupport.Json;
import dev.atomemo4j.runtime.testsupport.RecordingLogs;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Malformed input never stops the plugin: each is logged and ignored, or answered as the protocol says. */
@Timeout(30)
class RobustnessTest {

  @TempDir Path dir;
  HubFixture fx;
  HubConnection hub;

  @BeforeEach
  void setUp() throws Exception {
    RecordingLogs.clear();
    fx = new HubFixture(dir);
    hub = fx.startAndRegister();
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  void stillServes() {
    assertThat(fx.request("invoke_tool", "{'request_id':'ok','tool_name':'echo-text','parameters':{'text':'alive'}}",
        "invoke_tool_response").get("data").get("text").asText()).isEqualTo("alive");
  }

  @Test
  void malformedFramesAreIgnoredAndServingContinues() {
    hub.sendRaw("not json");
    hub.sendRaw("[1,2,3]");
    hub.sendRaw("{\"a\":1}");
    hub.sendRaw("[\"1\",null,\"" + HubFixture.TOPIC + "\",\"invoke_tool\",\"not an object\"]");
    hub.sendRaw("[\"1\",null,\"" + HubFixture.TOPIC + "\",42,{}]");
    hub.sendBinary(new byte[] {1, 2, 3});
    stillServes();
  }

  @Test
  void parametersThatAreNotAnObjectAreInvalidParameter() {
    JsonNode e = fx.request("invoke_tool", "{'request_id':'r','tool_name':'echo-text','parameters':'text'}",
        "invoke_tool_error").get("error");
    assertThat(e.get("code").asText()).isEqualTo("sdk:invalid_parameter");
    assertThat(e.get("message").asText()).contains("parameters must be an object");
    stillServes();
  }

  @Test
  void requestIdOfTheWrongTypeIsAnsweredInvalidRequestEchoingIt() {
    JsonNode answer = fx.request("invoke_tool", "{'request_id':42,'tool_name':'echo-text','parameters':{}}",
        "invoke_tool_error");
    assertThat(answer.get("request_id").asInt()).isEqualTo(42);
    assertThat(answer.get("error").get("code").asText()).isEqualTo("sdk:invalid_request");
    stillServes();
  }

  @Test
  void hugeInvalidPayloadIsAnsweredWithoutEchoingIt() {
    String big = "x".repeat(1024 * 1024);
    JsonNode e = fx.request("invoke_tool", "{'request_id':'r','tool_name':'echo-text','parameters':{'text':'" + big
        + "','extra':true}}", "invoke_tool_error").get("error");
    assertThat(e.get("code").asText()).isEqualTo("sdk:invalid_parameter");
    assertThat(e.toString().length()).isLessThan(2000);
    stillServes();
  }

  @Test
  void hugeValidPayloadIsServed() {
    String big = "y".repeat(1024 * 1024);
    assertThat(fx.request("invoke_tool", "{'request_id':'r','tool_name':'echo-text','parameters':{'text':'" + big
        + "'}}", "invoke_tool_response").get("data").get("text").asText()).hasSize(big.length());
    stillServes();
  }

  @Test
  void frameOverTheSizeLimitIsDroppedAndServingContinues() {
    // Over the client's 15 MiB frame limit, under OkHttp's 16 MiB send queue.
    hub.sendRaw("[\"1\",null,\"" + HubFixture.TOPIC + "\",\"invoke_tool\",{\"request_id\":\"big\",\"x\":\""
        + "z".repeat(15 * 1024 * 1024 + 1000) + "\"}]");
    stillServes();
    assertThat(RecordingLogs.all()).contains("exceeds the limit");
  }

  @Test
  void eventWithoutRequestIdOrHandlerIsIgnored() {
    fx.send("something_new", "{'hello':'world'}");
    stillServes();
  }

  @Test
  void unknownEventWithRequestIdIsAnsweredUnsupportedEvent() {
    assertThat(fx.request("something_new", "{'request_id':'r'}", "unsupported_event")).isEqualTo(Json.parse(
        "{'request_id':'r','error':{'code':'sdk:unsupported_event','message':'Event not supported: something_new'},"
            + "'event':'something_new'}"));
  }

  @Test
  void requestNestedDeeperThanTheParserLimitIsAnsweredInvalidRequestWithItsId() {
    String deep = "[".repeat(3000) + "]".repeat(3000);
    hub.sendRaw("[\"1\",null,\"" + HubFixture.TOPIC + "\",\"invoke_tool\",{\"tool_name\":\"echo-text\","
        + "\"parameters\":{\"text\":" + deep + "},\"request_id\":\"deep-1\"}]");

    JsonNode answer = hub.expectEvent("invoke_tool_error").get(4);
    assertThat(answer.get("request_id").asText()).isEqualTo("deep-1");
    assertThat(answer.get("error").get("code").asText()).isEqualTo("sdk:invalid_request");
    assertThat(answer.get("error").get("message").asText()).contains("nested deeper");
    stillServes();
  }

  @Test
  void controlCharactersSentByTheHubAreEscapedInMessagesAndLogs() {
    JsonNode e = fx.request("invoke_tool", "{'request_id':'r\\nFAKE LOG LINE','tool_name':'no\\nsuch\\u0000tool',"
        + "'parameters':{}}", "invoke_tool_error").get("error");

    assertThat(e.get("code").asText()).isEqualTo("sdk:tool_not_found");
    assertThat(e.get("message").asText()).contains("no\\u000asuch\\u0000tool").doesNotContain("\n");
    assertThat(RecordingLogs.all()).doesNotContain("\nFAKE LOG LINE").doesNotContain("\u0000");
    stillServes();
  }

  @Test
  void aHugeToolNameIsCutInTheErrorMessageAndTheLog() {
    String huge = "t".repeat(3 * 1024 * 1024);
    JsonNode e = fx.request("invoke_tool", "{'request_id':'r','tool_name':'" + huge + "','parameters':{}}",
        "invoke_tool_error").get("error");

    assertThat(e.get("code").asText()).isEqualTo("sdk:tool_not_found");
    assertThat(e.get("message").asText().length()).isLessThan(1000);
    assertThat(RecordingLogs.all().length()).isLessThan(100_000);
    stillServes();
  }

  @Test
  void aFloodOfMalformedFramesLogsOnlyAFewWarnings() {
    for (int i = 0; i < 200; i++) {
      hub.sendRaw("not json " + i);
    }
    stillServes();
    assertThat(RecordingLogs.texts(org.slf4j.event.Level.WARN).stream().filter(t -> t.contains("malformed")))
        .hasSizeBetween(1, 5);
  }
}
