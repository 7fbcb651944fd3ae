package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.atomemo4j.runtime.testsupport.HubConnection;
import dev.atomemo4j.runtime.testsupport.RecordingLogs;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/** Answers are never dropped, whatever their size and however slowly the Hub reads (issue 11, defect 1). */
@Timeout(120)
class AnswerDeliveryTest {

  static final int TWO_MIB = 2 * 1024 * 1024;

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
    fx.hub.resumeReading();
    fx.close();
  }

  void sendBlobRequests(int count, int size) {
    for (int i = 0; i < count; i++) {
      fx.send("invoke_tool", "{'request_id':'b" + i + "','tool_name':'blob','parameters':{'size':" + size + "}}");
    }
  }

  void awaitProduced(int count) throws InterruptedException {
    for (int i = 0; i < count; i++) {
      assertThat(fx.plugin.produced.poll(30, TimeUnit.SECONDS)).as("result %s made", i + 1).isNotNull();
    }
  }

  Set<String> receiveAnswers(int count) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < count; i++) {
      ArrayNode frame = awaitFrame();
      assertThat(frame.get(3).asText()).isEqualTo("invoke_tool_response");
      JsonNode payload = frame.get(4);
      assertThat(payload.get("data").get("blob").asText()).hasSize(TWO_MIB);
      ids.add(payload.get("request_id").asText());
    }
    return ids;
  }

  /** The next frame other than a heartbeat, waiting longer than usual: megabytes are on their way. */
  ArrayNode awaitFrame() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      HubConnection.Event e = hub.pollEvent(1000);
      if (e == null) {
        continue;
      }
      assertThat(e).as("a frame, not the end of the connection").isInstanceOf(HubConnection.Text.class);
      ArrayNode frame = dev.atomemo4j.runtime.testsupport.Json.array(((HubConnection.Text) e).text());
      if ("heartbeat".equals(frame.get(3).asText())) {
        hub.replyOk(frame);
        continue;
      }
      return frame;
    }
    throw new AssertionError("no frame within 60 s");
  }

  @Test
  void aBurstOfLargeAnswersToAHubThatStoppedReadingIsDeliveredWhole() throws Exception {
    // 24 results of 2 MiB are 48 MiB: three times OkHttp's 16 MiB send queue, which drops the socket when full.
    fx.hub.pauseReading();
    sendBlobRequests(24, TWO_MIB);
    awaitProduced(24); // each is sent right after it is made; without back-pressure OkHttp's queue overflows here

    fx.hub.resumeReading();

    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 24; i++) {
      expected.add("b" + i);
    }
    assertThat(receiveAnswers(24)).isEqualTo(expected);
    assertThat(RecordingLogs.texts(Level.WARN)).noneMatch(t -> t.contains("lost"));
  }

  @Test
  void anAnswerCaughtByADroppedConnectionIsSentAfterTheRejoin() throws Exception {
    fx.hub.pauseReading();
    sendBlobRequests(3, TWO_MIB);
    awaitProduced(3);

    fx.hub.dropConnections();
    fx.hub.resumeReading();
    hub = fx.hub.awaitConnection();
    fx.connection = hub;
    hub.replyOk(hub.expectEvent("phx_join"));

    // Answers go out once the join is answered ok; the registration of the new join goes out too, in any order.
    Set<String> answered = new HashSet<>();
    while (answered.size() < 3) {
      ArrayNode frame = awaitFrame();
      if ("register_plugin".equals(frame.get(3).asText())) {
        hub.reply(frame, "ok", "{'success':true}");
        continue;
      }
      assertThat(frame.get(3).asText()).isEqualTo("invoke_tool_response");
      answered.add(frame.get(4).get("request_id").asText());
    }
    assertThat(answered).containsExactlyInAnyOrder("b0", "b1", "b2");
  }
}
