package dev.atomemo4j.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.mcp.fixture.SlowStepsRegistry;
import dev.atomemo4j.mcp.fixture.StepTools;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The embeddable stdio server in this JVM, on piped streams: what closing it does to the calls still running. */
class StdioServerTest {

  @Test
  void closingTheServerStopsTheToolsStillRunning() throws Exception {
    StepTools.started = new CountDownLatch(1);
    StepTools.stopped = new CountDownLatch(1);
    PipedOutputStream client = new PipedOutputStream();
    PipedInputStream serverIn = new PipedInputStream(client, 64 * 1024);
    ByteArrayOutputStream serverOut = new ByteArrayOutputStream();
    McpPluginServer.Running running = McpPluginServer.builder(new SlowStepsRegistry()).build()
        .serveStdio(serverIn, serverOut);
    try {
      client.write(String.join("\n",
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
              + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
          "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"count\","
              + "\"arguments\":{\"n\":100000,\"stepMillis\":20}}}",
          "").getBytes(StandardCharsets.UTF_8));
      client.flush();
      assertThat(StepTools.started.await(20, TimeUnit.SECONDS)).as("the count started").isTrue();
    } finally {
      running.close();
    }
    assertThat(StepTools.stopped.await(20, TimeUnit.SECONDS)).as("the count stopped").isTrue();
  }
}
