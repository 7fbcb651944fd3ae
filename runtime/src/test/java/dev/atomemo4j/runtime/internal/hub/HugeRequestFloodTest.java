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
 * A Hub that sends huge frames faster than the plugin handles them is slowed down by TCP (the plugin stops reading
 * while its backlog is full) instead of filling the plugin's heap. Found by the fault suite's fuzzing Hub; proven in a
 * child JVM with a 96 MiB heap, against 150 MiB of requests sent as fast as the socket takes them.
 */
@Timeout(120)
class HugeRequestFloodTest {

  static final int REQUESTS = 50;
  static final int NAME_CHARS = 3 * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void aFloodOfHugeRequestsIsAnsweredWholeByAPluginWithASmallHeap() throws Exception {
    Path log = dir.resolve("plugin.log");
    try (TestHub hub = new TestHub()) {
      Process plugin = new ProcessBuilder(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx96m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
          SmallHeapPlugin.class.getName(), hub.endpoint("")))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        HubConnection connection = hub.awaitConnection();
        ArrayNode join = connection.expectEvent("phx_join");
        connection.replyOk(join);
        connection.reply(connection.expectEvent("register_plugin"), "ok", "{'success':true}");
        String joinRef = join.get(0).asText();
        String hugeName = "t".repeat(NAME_CHARS);

        // As fast as this side's send queue takes them (OkHttp drops the socket past 16 MiB): the plugin reads as fast
        // as it lets itself.
        for (int i = 0; i < REQUESTS; i++) {
          String frame = "[\"" + joinRef + "\",null,\"" + HubFixture.TOPIC + "\",\"invoke_tool\",{\"request_id\":\"h"
              + i + "\",\"tool_name\":\"" + hugeName + "\",\"parameters\":{}}]";
          while (connection.queuedBytes() + frame.length() > 12L * 1024 * 1024) {
            assertThat(plugin.isAlive()).as("plugin alive (log: %s)", tail(log)).isTrue();
            Thread.sleep(1);
          }
          connection.sendRaw(frame);
        }

        Set<String> answered = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (answered.size() < REQUESTS && System.nanoTime() < deadline) {
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
          assertThat(frame.get(3).asText()).isEqualTo("invoke_tool_error");
          assertThat(frame.get(4).get("error").get("code").asText()).isEqualTo("sdk:tool_not_found");
          answered.add(frame.get(4).get("request_id").asText());
        }

        assertThat(answered).as("answers (plugin log: %s)", tail(log)).hasSize(REQUESTS);
        assertThat(plugin.isAlive()).isTrue();
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
      } finally {
        plugin.destroy();
        if (!plugin.waitFor(10, TimeUnit.SECONDS)) {
          plugin.destroyForcibly();
        }
      }
    }
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
