package dev.atomemo4j.examples.lc4jagent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.examples.ticket.SupportTicketConfig;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.actions.Approver;
import dev.atomemo4j.runtime.Secret;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The support agent with a scripted model, the real plugins, a real host and a mock ticket API. */
class SupportAgentTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  MockTicketApi api;
  PluginHost host;
  ScriptedChatModel model;
  SupportAgent.Assistant agent;

  @BeforeEach
  void start() {
    api = new MockTicketApi();
    host = SupportAgent.host(new SupportTicketConfig(api.url(), Secret.of("ticket-key-123"), "normal"),
        "jdbc:h2:file:" + dir.resolve("actions"));
    model = new ScriptedChatModel();
    agent = SupportAgent.assistant(host, model, "user-42");
  }

  @AfterEach
  void stop() {
    host.close();
    api.close();
  }

  @Test
  void theTimeToolRunsAndTheModelReadsItsAnswer() throws Exception {
    model.thenCall("get-current-time", "{\"timezone\": \"UTC\", \"format\": \"iso\"}").thenSay("It is late.");

    assertThat(agent.chat("What time is it?")).isEqualTo("It is late.");

    JsonNode time = JSON.readTree(lastToolResult(model.requests.get(1)).text());
    assertThat(time.path("timezone").asText()).isEqualTo("UTC");
    assertThat(time.path("current_time").asText()).endsWith("Z");
  }

  @Test
  void aTicketIsOpenedOnlyAfterAPersonApprovedIt() throws Exception {
    model.thenCall("create_ticket", "{\"title\": \"Export broken\", \"description\": \"The button does nothing\"}")
        .thenSay("Your ticket waits for approval.");

    agent.chat("The export button is broken");

    JsonNode pending = JSON.readTree(lastToolResult(model.requests.get(1)).text());
    assertThat(pending.path("state").asText()).isEqualTo("pending");
    assertThat(api.ticketRequests()).isEmpty();

    var done = host.actions().approve(pending.path("request_id").asText(), Approver.of("alice", Approver.APPROVER));

    assertThat(done.state()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(done.requester()).isEqualTo("user-42");
    assertThat(api.ticketRequests()).hasSize(1);
  }

  private static ToolExecutionResultMessage lastToolResult(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    return (ToolExecutionResultMessage) messages.get(messages.size() - 1);
  }
}
