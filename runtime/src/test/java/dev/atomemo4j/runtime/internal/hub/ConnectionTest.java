package dev.atomemo4j.runtime.internal.hub;

import static dev.atomemo4j.runtime.internal.hub.HubFixture.TOPIC;
import static dev.atomemo4j.runtime.internal.hub.HubFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.atomemo4j.runtime.Atomemo4jException;
import dev.atomemo4j.runtime.internal.phoenix.Backoff;
import dev.atomemo4j.runtime.testsupport.HubConnection;
import dev.atomemo4j.runtime.testsupport.Json;
import dev.atomemo4j.runtime.testsupport.RecordingLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection's life against a loopback Hub, frame by frame (hub-protocol §2–7, §14, §17): URL, join,
 * registration on every join, heartbeat, reconnect, fatal start-up failures, leave and close.
 */
@Timeout(30)
class ConnectionTest {

  /** The register_plugin payload of hub-protocol §17, author and email filled in. */
  static final String REGISTERED_DEFINITION = "{'name':'acme-echo','display_name':{'en_US':'Echo'},"
      + "'description':{'en_US':'Echoes text back.'},'icon':'🔁','lang':'typescript','locales':['en-US'],"
      + "'author':'Jane Doe','email':'jane@example.com','version':'1.0.0','credentials':[],'models':[],"
      + "'tools':[{'name':'echo-text','display_name':{'en_US':'Echo text'},"
      + "'description':{'en_US':'Returns the input text.'},'icon':'🔁','parameters':[{'name':'text',"
      + "'display_name':{'en_US':'Text'},'required':true,'ui':{'support_expression':true,'component':'input'},"
      + "'type':'string'}]}]}";

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

  @Test
  void framesFromConnectToLeaveAreExactlyThoseOfTheWorkedExample() throws Exception {
    fx.options.heartbeatInterval(Duration.ofMillis(700));
    fx.start();
    HubConnection c = fx.hub.awaitConnection();
    assertThat(c.request.getUrl().encodedPath()).isEqualTo("/debug_socket/websocket");
    assertThat(c.request.getUrl().encodedQuery()).isEqualTo("api_key=K3y&vsn=2.0.0");

    c.replyOk(c.expectFrame("['1','1','" + TOPIC + "','phx_join',{}]"));
    ArrayNode register = c.expectFrame("['1','2','" + TOPIC + "','register_plugin'," + REGISTERED_DEFINITION + "]");
    c.reply(register, "ok", "{'success':true}");
    assertThat(fx.server.ready()).succeedsWithin(WAIT);

    c.replyOk(c.expectFrame("[null,'3','phoenix','heartbeat',{}]"));
    c.send("['1',null,'" + TOPIC + "','invoke_tool',{'request_id':'5b0c2a3e-8d1f-4c4e-9a57-0f2d3c1b7e10',"
        + "'plugin_identifier':'acme-echo','tool_name':'echo-text','parameters':{'text':'hello'},'credentials':{},"
        + "'context':{'organization_id':'org_123'}}]");
    c.expectFrame("['1','4','" + TOPIC + "','invoke_tool_response',"
        + "{'request_id':'5b0c2a3e-8d1f-4c4e-9a57-0f2d3c1b7e10','data':{'text':'hello'}}]");

    CompletableFuture<Void> closed = CompletableFuture.runAsync(fx.server::close);
    ArrayNode leave = c.expectFrame("['1','5','" + TOPIC + "','phx_leave',{}]");
    c.replyOk(leave);
    c.trySend("['1','1','" + TOPIC + "','phx_close',{}]"); // the client closes on the ok, without waiting for it
    assertThat(c.expectClosing().code()).isEqualTo(1000);
    assertThat(closed).succeedsWithin(WAIT);
    assertThat(fx.server.termination().toCompletableFuture()).isCompleted();
    fx.server = null; // closed here
  }

  @Test
  void aDebugRunWritesNoDefinitionJsonSoTheReleaseFileHasOneWriter() throws Exception {
    fx.startAndRegister();
    stopGracefully(); // every write a run makes is done by then

    try (var files = Files.list(dir)) {
      assertThat(files).extracting(p -> p.getFileName().toString()).doesNotContain("definition.json");
    }
  }

  @Test
  void aDebugRunLeavesACommittedDefinitionJsonAsItIs() throws Exception {
    String committed = "{\"name\": \"acme-echo\", \"author\": \"Ada Lovelace\"}";
    Files.writeString(dir.resolve("definition.json"), committed);

    fx.startAndRegister();
    stopGracefully();

    assertThat(dir.resolve("definition.json")).hasContent(committed);
  }

  @Test
  void serverDropLeadsToReconnectRejoinAndRegisterAgain() throws Exception {
    HubConnection first = fx.startAndRegister();
    fx.hub.dropConnections();

    HubConnection second = fx.hub.awaitConnection();
    fx.connection = second;
    fx.joinRef = "3";
    second.replyOk(second.expectFrame("['3','3','" + TOPIC + "','phx_join',{}]"));
    ArrayNode register = second.expectFrame(
        "['3','4','" + TOPIC + "','register_plugin'," + REGISTERED_DEFINITION + "]");
    second.reply(register, "ok", "{'success':true}");

    assertThat(fx.request("invoke_tool", "{'request_id':'r1','tool_name':'echo-text','parameters':{'text':'again'}}",
        "invoke_tool_response")).isEqualTo(Json.parse("{'request_id':'r1','data':{'text':'again'}}"));
    assertThat(first.request).isNotSameAs(second.request);
  }

  @Test
  void requestWithAStaleJoinRefIsIgnored() throws Exception {
    fx.startAndRegister();
    fx.hub.dropConnections();
    HubConnection second = fx.acceptRejoin();

    fx.send("1", "invoke_tool", "{'request_id':'stale','tool_name':'echo-text','parameters':{'text':'old'}}");
    fx.send("invoke_tool", "{'request_id':'fresh','tool_name':'echo-text','parameters':{'text':'new'}}");
    assertThat(second.expectEvent("invoke_tool_response").get(4).get("request_id").asText()).isEqualTo("fresh");
    second.expectNothing(200);
  }

  @Test
  void heartbeatTimeoutLeadsToReconnectAndRegisterAgain() throws Exception {
    fx.options.heartbeatInterval(Duration.ofMillis(300));
    HubConnection first = fx.startAndRegister();
    first.expectFrame("[null,'3','phoenix','heartbeat',{}]"); // not answered
    assertThat(first.expectClosing().code()).isEqualTo(1000);

    fx.acceptRejoin();
    assertThat(fx.request("invoke_tool", "{'request_id':'r','tool_name':'echo-text','parameters':{'text':'x'}}",
        "invoke_tool_response").get("data").get("text").asText()).isEqualTo("x");
  }

  @Test
  void releaseModeJoinsTheVersionSlugWithoutApiKeyOrRegistration() throws Exception {
    fx.options.override("HUB_DEBUG_API_KEY", "");
    HubConnection c = fx.startRelease();
    assertThat(c.request.getUrl().encodedPath()).isEqualTo("/release_socket/websocket");
    assertThat(c.request.getUrl().encodedQuery()).isEqualTo("vsn=2.0.0");
    c.send("['1',null,'release_plugin:acme-echo__release__1.0.0','invoke_tool',{'request_id':'r',"
        + "'tool_name':'echo-text','parameters':{'text':'x'}}]");
    assertThat(c.expectEvent("invoke_tool_response").get(2).asText())
        .isEqualTo("release_plugin:acme-echo__release__1.0.0");
    assertThat(dir.resolve("definition.json")).doesNotExist();
  }

  @Test
  void refusedUpgradeIsFatalAdvisesRefreshKeyAndIsNotRetried() throws Exception {
    fx.hub.refuseNext(403);
    fx.start();
    assertThat(fx.server.termination().toCompletableFuture())
        .failsWithin(WAIT)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOf(Atomemo4jException.class)
        .withMessageContaining("HTTP 403")
        .withMessageContaining("atomemo plugin refresh-key")
        .withMessageNotContaining("K3y");
    Thread.sleep(200);
    assertThat(fx.hub.requestCount()).isEqualTo(1);
  }

  @Test
  void aRefusedKeyIsReportedOnceWithoutTalkOfRejoiningOrReconnecting() throws Exception {
    fx.hub.refuseNext(403);
    fx.start();
    assertThatFatal("HTTP 403");
    Thread.sleep(300); // a rejoin or reconnect timer, had one been armed, would fire in this time

    assertThat(RecordingLogs.all()).doesNotContainIgnoringCase("rejoin").doesNotContainIgnoringCase("reconnect");
  }

  @Test
  void aRefusedKeyOnThisMachineAdvisesCopyingTheKeyTheDevHubPrinted() throws Exception {
    fx.hub.refuseNext(403);
    fx.start();

    assertThatFatal("copy the HUB_DEBUG_API_KEY that `atomemo4j dev` printed when it started");
  }

  @Test
  void aRefusedKeyElsewhereAdvisesOnlyRefreshKey() {
    assertThat(HubServer.refusedKeyAdvice("wss://plugin-hub.atomemo.ai"))
        .contains("atomemo plugin refresh-key").doesNotContain("atomemo4j dev");
  }

  @Test
  void registrationErrorIsFatalAndLeavesAndCloses() throws Exception {
    fx.start();
    HubConnection c = fx.hub.awaitConnection();
    c.replyOk(c.expectEvent("phx_join"));
    c.reply(c.expectEvent("register_plugin"), "error",
        "{'code':'invalid_definition','message':'tools[0].name is taken','reason':'tools[0].name is taken'}");
    c.replyOk(c.expectEvent("phx_leave"));
    assertThat(c.expectClosing().code()).isEqualTo(1000);
    assertThatFatal("invalid_definition: tools[0].name is taken");
    assertThat(dir.resolve("definition.json")).doesNotExist();
  }

  @Test
  void firstJoinErrorIsFatal() throws Exception {
    fx.start();
    HubConnection c = fx.hub.awaitConnection();
    c.reply(c.expectEvent("phx_join"), "error", "{'reason':'unknown plugin'}");
    assertThatFatal("refused to join " + TOPIC + ": unknown plugin");
  }

  @Test
  void firstJoinTimeoutIsFatal() throws Exception {
    fx.options.pushTimeout(Duration.ofMillis(300));
    fx.start();
    HubConnection c = fx.hub.awaitConnection();
    c.expectEvent("phx_join"); // never answered
    assertThatFatal("could not join " + TOPIC + " within 300 ms");
  }

  @Test
  void unreachableHubIsFatalAfterTheJoinTimeout() throws Exception {
    fx.options.pushTimeout(Duration.ofMillis(300)).reconnectBackoff(Backoff.constant(Duration.ofMillis(50)));
    fx.options.override("HUB_WS_URL", "ws://127.0.0.1:" + freePort());
    fx.start();
    assertThatFatal("the connection failed");
  }

  @Test
  void aClosedPortIsWarnedAboutOnceNotOncePerAttempt() throws Exception {
    fx.options.pushTimeout(Duration.ofMillis(600)).reconnectBackoff(Backoff.constant(Duration.ofMillis(30)));
    fx.options.override("HUB_WS_URL", "ws://127.0.0.1:" + freePort());
    fx.start();
    assertThatFatal("the connection failed");

    assertThat(RecordingLogs.texts(org.slf4j.event.Level.WARN)).as(RecordingLogs.all()).hasSize(1);
    assertThat(RecordingLogs.texts(org.slf4j.event.Level.DEBUG).stream()
        .filter(t -> t.startsWith("WebSocket to ")).count()).as("every attempt, at DEBUG").isGreaterThan(1);
  }

  @Test
  void channelClosedByTheHubIsFatal() throws Exception {
    HubConnection c = fx.startAndRegister();
    c.trySend("['1','1','" + TOPIC + "','phx_close',{}]"); // the client closes on the ok, without waiting for it
    assertThatFatal("the Hub closed channel " + TOPIC);
  }

  @Test
  void connectionClosedByTheHubWithCode1000IsFatal() throws Exception {
    HubConnection c = fx.startAndRegister();
    c.close(1000, "bye");
    assertThatFatal("the Hub closed the connection (code 1000, bye)");
  }

  // ---------------------------------------------------------------------------------------------------------------

  private void assertThatFatal(String messagePart) {
    assertThat(fx.server.termination().toCompletableFuture())
        .failsWithin(WAIT)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOf(Atomemo4jException.class)
        .withMessageContaining(messagePart);
  }

  /** Stops the server through its leave and close, as Ctrl-C would, once; tearDown then has nothing left to stop. */
  private void stopGracefully() throws Exception {
    fx.close();
    fx = new HubFixture(dir);
  }

  static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
