package dev.atomemo4j.runtime.internal.hub;

import static dev.atomemo4j.runtime.internal.hub.HubFixture.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.atomemo4j.runtime.testsupport.HubConnection;
import dev.atomemo4j.runtime.testsupport.Json;
import dev.atomemo4j.runtime.testsupport.RecordingLogs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin-to-Hub calls made by tools through their context (hub-protocol §9): the frames, the correlation by
 * request id, the HTTP transfers, and every way a call fails.
 */
@Timeout(30)
class HubCallsTest {

  static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @TempDir Path dir;
  HubFixture fx;
  MockWebServer storage;
  HubConnection hub;

  @BeforeEach
  void setUp() throws Exception {
    RecordingLogs.clear();
    fx = new HubFixture(dir);
    storage = new MockWebServer();
    storage.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
    storage.close();
  }

  void start() {
    hub = fx.startAndRegister();
  }

  /** The Hub answers a hub call with {@code hub_call_response}. */
  void answer(ArrayNode call, String data) {
    fx.send("hub_call_response", "{'request_id':'" + call.get(4).get("request_id").asText() + "','data':" + data
        + "}");
  }

  static String ossFile(String resKey) {
    return "{'__type__':'file_ref','source':'oss','filename':'report.pdf','extension':'.pdf',"
        + "'mime_type':'application/pdf','size':3,'res_key':'" + resKey + "','remote_url':null,'content':null}";
  }

  @Test
  void downloadUrlCallsGetFileUrlWithAFreshUuidAndReturnsTheAnswer() {
    start();
    fx.send("invoke_tool", "{'request_id':'r','tool_name':'file-url','parameters':{'file':" + ossFile("org/in/r.pdf")
        + "}}");
    ArrayNode call = hub.expectEvent("hub_call:get_file_url");
    assertThat(call.get(1).isNull()).as("a push with a ref").isFalse();
    assertThat(call.get(4).get("request_id").asText()).matches(UUID_V4);
    assertThat(call.get(4).get("data")).isEqualTo(Json.parse("{'res_key':'org/in/r.pdf'}"));
    answer(call, "{'url':'https://storage.example/r.pdf?sig=1'}");
    assertThat(hub.expectEvent("invoke_tool_response").get(4).get("data"))
        .isEqualTo(Json.parse("{'url':'https://storage.example/r.pdf?sig=1'}"));
  }

  @Test
  void hubCallErrorFailsTheCallWithTheHubsCode() {
    start();
    fx.send("invoke_tool", "{'request_id':'r','tool_name':'file-url','parameters':{'file':" + ossFile("k") + "}}");
    ArrayNode call = hub.expectEvent("hub_call:get_file_url");
    fx.send("hub_call_error", "{'request_id':'" + call.get(4).get("request_id").asText()
        + "','error':{'code':'file_not_found','message':'no such key'}}");
    assertThat(hub.expectEvent("invoke_tool_error").get(4).get("error"))
        .isEqualTo(Json.parse("{'code':'file_not_found','message':'no such key'}"));
  }

  @Test
  void hubCallErrorWithoutCodeAndMessageIsUnknown() {
    start();
    fx.send("invoke_tool", "{'request_id':'r','tool_name':'file-url','parameters':{'file':" + ossFile("k") + "}}");
    ArrayNode call = hub.expectEvent("hub_call:get_file_url");
    fx.send("hub_call_error", "{'request_id':'" + call.get(4).get("request_id").asText() + "','error':'bad'}");
    assertThat(hub.expectEvent("invoke_tool_error").get(4).get("error").get("code").asText()).isEqualTo("unknown");
  }

  @Test
  void phxReplyErrorToTheCallFailsItAtOnce() {
    start();
    fx.send("invoke_tool", "{'request_id':'r','tool_name':'file-url','parameters':{'file':" + ossFile("k") + "}}");
    ArrayNode call = hub.expectEvent("hub_call:get_file_url");
    hub.reply(call, "error", "{'reason':'not allowed'}");
    JsonNode e = hub.expectEvent("invoke_tool_error").get(4).get("error");
    assertThat(e.get("code").asText()).isEqualTo("sdk:hub_call_failed");
    assertThat(e.get("message").asText()).contains("not allowed");
  }

  @Test
  void unansweredCallTimesOut() {
    fx.options.hubCallTimeout(Duration.ofMillis(200));
    start();
    fx.send("invoke_tool", "{'request_id':'r','tool_name':'file-url','parameters':{'file':" + ossFile("k") + "}}");
    hub.expectEvent("hub_call:get_file_url");
    assertThat(hub.expectEvent("invoke_tool_error").get(4).get("error"))
        .isEqualTo(Json.parse("{'code':'sdk:timeout','message':'hub call get_file_url got no answer within 200 ms'}"));
    assertThat(fx.server.hubCalls().pendingCount()).isZero();
  }

  @Test
  void answerForAnUnknownRequestIdIsIgnoredAndLogged() {
    start();
    fx.send("hub_call_response", "{'request_id':'not-mine','data':{}}");
    assertThat(fx.request("invoke_tool", "{'request_id':'r','tool_name':'echo-text','parameters':{'text':'x'}}",
        "invoke_tool_response").get("data").get("text").asText()).isEqualTo("x");
    assertThat(RecordingLogs.all()).contains("ignoring hub_call_response for unknown request not-mine");
  }

  @Test
  void uploadAsksForAnUploadUrlThenPutsTheBytes() throws Exception {
    start();
    storage.enqueue(new MockResponse.Builder().code(200).build());
    fx.send("invoke_tool", "{'request_id':'r','tool_name':'upload','parameters':{'text':'hello'}}");
    ArrayNode call = hub.expectEvent("hub_call:get_upload_url");
    assertThat(call.get(4).get("data")).isEqualTo(Json.parse("{'extension':'.txt','key_prefix':null}"));
    answer(call, "{'presigned_url':'" + storage.url("/bucket/up?sig=2") + "','res_key':'org/out/note.txt'}");

    assertThat(hub.expectEvent("invoke_tool_response").get(4).get("data")).isEqualTo(Json.parse(
        "{'__type__':'file_ref','source':'oss','filename':'note.txt','extension':'.txt','mime_type':'text/plain',"
            + "'size':5,'res_key':'org/out/note.txt','remote_url':null,'content':null}"));
    RecordedRequest put = storage.takeRequest(5, TimeUnit.SECONDS);
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getUrl().encodedPath()).isEqualTo("/bucket/up");
    assertThat(put.getHeaders().get("Content-Type")).startsWith("text/plain");
    assertThat(put.getBody().utf8()).isEqualTo("hello");
  }

  @Test
  void uploadRefusedByStorageIsUploadFailed() {
    start();
    storage.enqueue(new MockResponse.Builder().code(403).build());
    fx.send("invoke_tool", "{'request_id':'r','tool_name':'upload','parameters':{'text':'hello'}}");
    ArrayNode call = hub.expectEvent("hub_call:get_upload_url");
    answer(call, "{'presigned_url':'" + storage.url("/bucket/up?sig=secret") + "','res_key':'k'}");
    JsonNode e = hub.expectEvent("invoke_tool_error").get(4).get("error");
    assertThat(e.get("code").asText()).isEqualTo("transient:upload_failed");
    assertThat(e.get("message").asText()).contains("HTTP 403").doesNotContain("sig=secret");
  }

  @Test
  void downloadOfInlineContentDecodesBase64WithoutAHubCall() {
    start();
    fx.send("invoke_tool", "{'request_id':'r','tool_name':'download','parameters':{'file':{'__type__':'file_ref',"
        + "'source':'mem','content':'aGVsbG8='}}}");
    assertThat(hub.expectEvent("invoke_tool_response").get(4).get("data")).isEqualTo(Json.parse("{'text':'hello'}"));
  }

  @Test
  void downloadOfAStoredFileGetsItsUrlThenFetchesIt() throws Exception {
    start();
    storage.enqueue(new MockResponse.Builder().code(200).body("stored bytes").build());
    fx.send("invoke_tool", "{'request_id':'r','tool_name':'download','parameters':{'file':" + ossFile("org/k")
        + "}}");
    answer(hub.expectEvent("hub_call:get_file_url"), "{'url':'" + storage.url("/bucket/org/k") + "'}");
    assertThat(hub.expectEvent("invoke_tool_response").get(4).get("data"))
        .isEqualTo(Json.parse("{'text':'stored bytes'}"));
    assertThat(storage.takeRequest(5, TimeUnit.SECONDS).getMethod()).isEqualTo("GET");
  }

  @Test
  void downloadAnsweredWithAnErrorStatusIsDownloadFailed() {
    start();
    storage.enqueue(new MockResponse.Builder().code(404).build());
    fx.send("invoke_tool", "{'request_id':'r','tool_name':'download','parameters':{'file':{'__type__':'file_ref',"
        + "'source':'oss','remote_url':'" + storage.url("/gone") + "'}}}");
    assertThat(hub.expectEvent("invoke_tool_error").get(4).get("error").get("code").asText())
        .isEqualTo("transient:download_failed");
  }

  @Test
  void invokeLlmSendsConfigMessagesAndTheOrganization() {
    start();
    String config = "{'__type__':'llm_config','plugin_slug':'p','version_slug':'p__release__1','model':'m',"
        + "'credential_instance_id':null,'model_params':{'structured_outputs':false}}";
    fx.send("invoke_tool", "{'request_id':'r','tool_name':'llm','parameters':{'config':" + config + "},"
        + "'context':{'organization_id':'org_7'}}");
    ArrayNode call = hub.expectEvent("hub_call:invoke_llm");
    assertThat(call.get(2).asText()).isEqualTo(TOPIC);
    assertThat(call.get(4).get("data")).isEqualTo(Json.parse("{'llm_config':" + config
        + ",'messages':[{'role':'user','content':'hi'}],'organization_id':'org_7'}"));
    answer(call, "{'content':'hello there'}");
    assertThat(hub.expectEvent("invoke_tool_response").get(4).get("data"))
        .isEqualTo(Json.parse("{'content':'hello there'}"));
  }
}
