package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Requests run concurrently on the worker executor, bounded by the in-flight cap (issue 4, "Concurrency"). */
@Timeout(30)
class ConcurrencyTest {

  @TempDir Path dir;
  HubFixture fx;

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

  void awaitStarted(int n) throws InterruptedException {
    for (int i = 0; i < n; i++) {
      assertThat(fx.plugin.started.poll(5, TimeUnit.SECONDS)).as("tool call %s started", i + 1).isNotNull();
    }
  }

  @Test
  void requestsBeyondTheCapAreAnsweredOverloadedAtOnceAndTheOthersFinish() throws Exception {
    fx.options.maxInFlight(2);
    HubConnection hub = fx.startAndRegister();
    fx.send("invoke_tool", "{'request_id':'r1','tool_name':'wait','parameters':{}}");
    fx.send("invoke_tool", "{'request_id':'r2','tool_name':'wait','parameters':{}}");
    awaitStarted(2); // both run at the same time
    fx.send("invoke_tool", "{'request_id':'r3','tool_name':'wait','parameters':{}}");

    JsonNode refused = hub.expectEvent("invoke_tool_error").get(4);
    assertThat(refused.get("request_id").asText()).isEqualTo("r3");
    assertThat(refused.get("error").get("code").asText()).isEqualTo("sdk:overloaded");
    assertThat(fx.plugin.started).isEmpty();

    fx.plugin.release.countDown();
    Set<String> done = new HashSet<>();
    done.add(hub.expectEvent("invoke_tool_response").get(4).get("request_id").asText());
    done.add(hub.expectEvent("invoke_tool_response").get(4).get("request_id").asText());
    assertThat(done).containsExactlyInAnyOrder("r1", "r2");
  }

  @Test
  void slotsAreFreedWhenRequestsEnd() throws Exception {
    fx.options.maxInFlight(1);
    fx.startAndRegister();
    for (int i = 0; i < 5; i++) {
      assertThat(fx.request("invoke_tool", "{'request_id':'r" + i + "','tool_name':'echo-text','parameters':"
          + "{'text':'x'}}", "invoke_tool_response").get("request_id").asText()).isEqualTo("r" + i);
    }
    // The answer goes out just before the request's entry is dropped; give the worker a moment to finish.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (fx.server.dispatcher().inFlightCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(fx.server.dispatcher().inFlightCount()).isZero();
  }

  @Test
  void requestsRunOnVirtualThreadsOnlyWhenTheJvmHasThem() {
    fx.startAndRegister();
    JsonNode data = fx.request("invoke_tool", "{'request_id':'r','tool_name':'thread','parameters':{}}",
        "invoke_tool_response").get("data");
    assertThat(data.get("name").asText()).startsWith("atomemo4j-request-");
    assertThat(data.get("virtual").asBoolean()).isEqualTo(Runtime.version().feature() >= 21);
    assertThat(WorkerPool.virtualThreadsAvailable()).isEqualTo(Runtime.version().feature() >= 21);
  }
}
