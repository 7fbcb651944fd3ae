package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.atomemo4j.runtime.testsupport.HubConnection;
import dev.atomemo4j.runtime.testsupport.Json;
import dev.atomemo4j.runtime.testsupport.TestHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A steady stream of large answers keeps the plugin's memory flat: once an answer is written nothing holds it, as the
 * Hub never replies to answers (issue 11, defect 2). Proven in a child JVM with a 48 MiB heap, which the stream
 * (100 MiB of answers) would exhaust if answers were retained.
 */
@Timeout(180)
class LargeAnswerStreamTest {

  static final int ANSWERS = 400;
  static final int SIZE = 256 * 1024;
  static final int OUTSTANDING = 8;

  @TempDir Path dir;

  @Test
  void aStreamOfLargeAnswersIsServedWholeByAPluginWithASmallHeap() throws Exception {
    Path log = dir.resolve("plugin.log");
    try (TestHub hub = new TestHub()) {
      Process plugin = new ProcessBuilder(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx48m", "-XX:+ExitOnOutOfMemoryError",
          "-cp", System.getProperty("java.class.path"),
          SmallHeapPlugin.class.getName(), hub.endpoint("")))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        HubConnection connection = hub.awaitConnection();
        ArrayNode join = connection.expectEvent("phx_join");
        connection.replyOk(join);
        connection.reply(connection.expectEvent("register_plugin"), "ok", "{'success':true}");
        String joinRef = join.get(0).asText();

        Set<String> answered = new HashSet<>();
        int sent = 0;
        while (answered.size() < ANSWERS) {
          while (sent < ANSWERS && sent - answered.size() < OUTSTANDING) {
            connection.send("['" + joinRef + "',null,'" + HubFixture.TOPIC + "','invoke_tool',{'request_id':'s"
                + sent + "','tool_name':'blob','parameters':{'size':" + SIZE + "}}]");
            sent++;
          }
          ArrayNode frame = nextAnswer(connection, log);
          assertThat(frame.get(3).asText()).as("answer to a blob request (plugin log: %s)", tail(log))
              .isEqualTo("invoke_tool_response");
          answered.add(frame.get(4).get("request_id").asText());
        }

        assertThat(answered).hasSize(ANSWERS);
        assertThat(plugin.isAlive()).as("plugin still running (log: %s)", tail(log)).isTrue();
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
      } finally {
        plugin.destroy();
        if (!plugin.waitFor(10, TimeUnit.SECONDS)) {
          plugin.destroyForcibly();
        }
      }
    }
  }

  private static ArrayNode nextAnswer(HubConnection connection, Path log) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      HubConnection.Event e = connection.pollEvent(1000);
      if (e == null) {
        continue;
      }
      assertThat(e).as("a frame, not the end of the connection (plugin log: %s)", tail(log))
          .isInstanceOf(HubConnection.Text.class);
      ArrayNode frame = Json.array(((HubConnection.Text) e).text());
      if ("heartbeat".equals(frame.get(3).asText())) {
        connection.replyOk(frame);
        continue;
      }
      return frame;
    }
    throw new AssertionError("no answer within 60 s");
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log);
      return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    } catch (java.io.IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
