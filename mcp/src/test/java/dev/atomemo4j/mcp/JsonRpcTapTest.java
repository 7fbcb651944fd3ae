package dev.atomemo4j.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the tap does to the client's messages before the SDK reads them. */
class JsonRpcTapTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final CallRegistry calls = new CallRegistry();
  final JsonRpcTap tap = new JsonRpcTap(calls);

  @Test
  void aToolCallIsTaggedWithItsSessionAndId() throws Exception {
    String out = tap.onMessage("s1", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\","
        + "\"params\":{\"name\":\"t\",\"_meta\":{\"progressToken\":3}}}");
    JsonNode meta = JSON.readTree(out).path("params").path("_meta");
    assertThat(meta.path(CallRegistry.META_KEY).asText()).isEqualTo(CallRegistry.key("s1", "7"));
    assertThat(meta.path("progressToken").asInt()).isEqualTo(3);
  }

  @Test
  void stringAndNumberIdsAreDifferentCalls() {
    assertThat(CallRegistry.key(null, "\"7\"")).isNotEqualTo(CallRegistry.key(null, "7"));
  }

  @Test
  void aCancellationReachesTheCallItNames() {
    List<String> reasons = new ArrayList<>();
    calls.register(CallRegistry.key(null, "\"a\""), reasons::add);
    calls.register(CallRegistry.key(null, "\"b\""), r -> reasons.add("wrong call: " + r));
    tap.onMessage(null, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
        + "\"params\":{\"requestId\":\"a\",\"reason\":\"user\"}}");
    assertThat(reasons).containsExactly("user");
  }

  @Test
  void aCancellationThatArrivesBeforeItsCallRegistersStillCancelsIt() {
    List<String> reasons = new ArrayList<>();
    tap.onMessage("s", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}");
    calls.register(CallRegistry.key("s", "1"), r -> reasons.add("cancelled"));
    assertThat(reasons).containsExactly("cancelled");
  }

  @Test
  void otherMessagesPassUnchanged() {
    String list = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
    assertThat(tap.onMessage(null, list)).isSameAs(list);
    String notJson = "tools/call {";
    assertThat(tap.onMessage(null, notJson)).isSameAs(notJson);
  }

  @Test
  void eachCallOfABatchIsTagged() throws Exception {
    String out = tap.onMessage(null, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{}},"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{}}]");
    JsonNode batch = JSON.readTree(out);
    assertThat(batch.get(1).path("params").path("_meta").path(CallRegistry.META_KEY).asText())
        .isEqualTo(CallRegistry.key(null, "2"));
  }
}
