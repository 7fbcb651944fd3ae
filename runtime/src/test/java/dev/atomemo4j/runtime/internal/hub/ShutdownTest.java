package dev.atomemo4j.runtime.internal.hub;

import static dev.atomemo4j.runtime.internal.hub.HubFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.runtime.ToolException;
import dev.atomemo4j.runtime.testsupport.HubConnection;
import dev.atomemo4j.runtime.testsupport.Json;
import dev.atomemo4j.runtime.testsupport.RecordingLogs;
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
 * Shutdown as SIGTERM does it (the shutdown hook calls {@link HubServer#close()} from another thread): stop
 * accepting, grace period, answer what is left, fail Hub calls, leave, close with 1000 (hub-protocol §14).
 */
@Timeout(30)
class ShutdownTest {

  @TempDir Path dir;
  HubFixture fx;
  HubConnection hub;

  @BeforeEach
  void setUp() throws Exception {
    RecordingLogs.clear();
    fx = new HubFixture(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.plugin.release.countDown();
    fx.close();
  }

  /** Closes the way the shutdown hook does: from a thread of its own. */
  CompletableFuture<Void> sigterm() {
    return CompletableFuture.runAsync(fx.server::close);
  }

  void leaveAndClose(CompletableFuture<Void> closing) {
    hub.replyOk(hub.expectEvent("phx_leave"));
    assertThat(hub.expectClosing().code()).isEqualTo(1000);
    assertThat(closing).succeedsWithin(WAIT);
    assertThat(fx.server.termination().toCompletableFuture()).isCompleted().isNotCompletedExceptionally();
  }

  @Test
  void inFlightRequestFinishesWithinTheGracePeriodBeforeTheLeave() throws Exception {
    fx.options.shutdownGrace(Duration.ofSeconds(5));
    hub = fx.startAndRegister();
    fx.send("invoke_tool", "{'request_id':'r1','tool_name':'wait','parameters':{}}");
    assertThat(fx.plugin.started.poll(5, TimeUnit.SECONDS)).isEqualTo("r1");

    CompletableFuture<Void> closing = sigterm();
    awaitNotAccepting();
    fx.plugin.release.countDown();
    JsonNode answer = hub.expectEvent("invoke_tool_response").get(4);
    assertThat(answer).isEqualTo(Json.parse("{'request_id':'r1','data':{'done':true}}"));
    leaveAndClose(closing);
  }

  @Test
  void requestArrivingAfterShutdownBeganIsAnsweredShuttingDown() throws Exception {
    fx.options.shutdownGrace(Duration.ofSeconds(5));
    hub = fx.startAndRegister();
    fx.send("invoke_tool", "{'request_id':'r1','tool_name':'wait','parameters':{}}");
    assertThat(fx.plugin.started.poll(5, TimeUnit.SECONDS)).isEqualTo("r1");

    CompletableFuture<Void> closing = sigterm();
    awaitNotAccepting();
    fx.send("invoke_tool", "{'request_id':'r2','tool_name':'echo-text','parameters':{'text':'late'}}");
    JsonNode refused = hub.expectEvent("invoke_tool_error").get(4);
    assertThat(refused.get("request_id").asText()).isEqualTo("r2");
    assertThat(refused.get("error").get("code").asText()).isEqualTo("sdk:shutting_down");

    fx.plugin.release.countDown();
    assertThat(hub.expectEvent("invoke_tool_response").get(4).get("request_id").asText()).isEqualTo("r1");
    leaveAndClose(closing);
  }

  @Test
  void requestStillRunningAfterTheGracePeriodIsAnsweredAndInterrupted() throws Exception {
    fx.options.shutdownGrace(Duration.ofMillis(200));
    hub = fx.startAndRegister();
    fx.send("invoke_tool", "{'request_id':'r1','tool_name':'wait','parameters':{}}");
    assertThat(fx.plugin.started.poll(5, TimeUnit.SECONDS)).isEqualTo("r1");

    CompletableFuture<Void> closing = sigterm();
    JsonNode answer = hub.expectEvent("invoke_tool_error").get(4);
    assertThat(answer.get("request_id").asText()).isEqualTo("r1");
    assertThat(answer.get("error").get("code").asText()).isEqualTo("sdk:shutting_down");
    leaveAndClose(closing);
    assertThat(fx.plugin.interrupted.poll(5, TimeUnit.SECONDS)).isEqualTo("r1");
  }

  @Test
  void pendingHubCallsFailWithShuttingDown() throws Exception {
    fx.options.shutdownGrace(Duration.ofMillis(100));
    hub = fx.startAndRegister();
    fx.send("invoke_tool", "{'request_id':'r1','tool_name':'file-url','parameters':{'file':"
        + HubCallsTest.ossFile("k") + "}}");
    hub.expectEvent("hub_call:get_file_url"); // never answered

    CompletableFuture<Void> closing = sigterm();
    assertThat(hub.expectEvent("invoke_tool_error").get(4).get("error").get("code").asText())
        .isEqualTo("sdk:shutting_down");
    leaveAndClose(closing);
    Throwable seen = fx.plugin.failures.poll(5, TimeUnit.SECONDS);
    assertThat(seen).isInstanceOf(ToolException.class);
    assertThat(((ToolException) seen).code()).isEqualTo("sdk:shutting_down");
    assertThat(fx.server.hubCalls().pendingCount()).isZero();
  }

  @Test
  void closeWithNothingInFlightLeavesAndClosesAtOnce() throws Exception {
    hub = fx.startAndRegister();
    leaveAndClose(sigterm());
  }

  @Test
  void closeIsIdempotent() throws Exception {
    hub = fx.startAndRegister();
    CompletableFuture<Void> first = sigterm();
    CompletableFuture<Void> second = sigterm();
    leaveAndClose(first);
    assertThat(second).succeedsWithin(WAIT);
    fx.server.close();
    fx.server.awaitTermination();
  }

  private void awaitNotAccepting() throws InterruptedException {
    // stopAccepting is the first step of close(); probe it through the dispatcher's refusals.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (RecordingLogs.all().contains("shutting down")) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("shutdown did not begin");
  }
}
