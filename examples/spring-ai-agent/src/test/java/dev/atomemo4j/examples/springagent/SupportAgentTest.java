package dev.atomemo4j.examples.springagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.core.lifecycle.InvalidConfigException;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.actions.Approver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The application as Spring Boot starts it (its {@code application.yml}, the auto-configuration, component scan),
 * with a scripted model as its {@code ChatModel} and a mock ticket API.
 */
class SupportAgentTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The model bean of the tests, in place of a provider starter's. */
  static class ScriptedModelConfiguration {
    @Bean
    ScriptedChatModel chatModel() {
      return new ScriptedChatModel();
    }
  }

  @TempDir
  Path dir;
  MockTicketApi api;
  ConfigurableApplicationContext app;

  @BeforeEach
  void openApi() {
    api = new MockTicketApi();
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    api.close();
  }

  ConfigurableApplicationContext start(String... properties) {
    return new SpringApplicationBuilder(AgentApplication.class, ScriptedModelConfiguration.class)
        .web(WebApplicationType.NONE)
        .bannerMode(org.springframework.boot.Banner.Mode.OFF)
        .properties(properties)
        // A command-line argument, not a default property: application.yml's own database would win over that,
        // and the test would write into the example's data directory.
        .run("--atomemo4j.actions.database=jdbc:h2:file:" + dir.resolve("actions"));
  }

  @Test
  void aTicketTheModelAsksForWaitsForApprovalThenOpensOnce() throws Exception {
    app = start("TICKET_API_URL=" + api.url(), "TICKET_API_KEY=ticket-key-123");
    ScriptedChatModel model = app.getBean(ScriptedChatModel.class);
    model.thenCall("get-current-time", "{\"timezone\": \"UTC\", \"format\": \"iso\"}")
        .thenCall("create_ticket", "{\"title\": \"Export broken\", \"description\": \"Nothing happens\"}")
        .then(p -> new AssistantMessage("Your ticket waits for approval."));

    String answer = app.getBean(SupportAgent.class).ask("user-42", "The export button is broken");

    assertThat(answer).isEqualTo("Your ticket waits for approval.");
    assertThat(JSON.readTree(lastToolResponse(model.requests.get(1))).path("timezone").asText()).isEqualTo("UTC");
    JsonNode pending = JSON.readTree(lastToolResponse(model.requests.get(2)));
    assertThat(pending.path("state").asText()).isEqualTo("pending");
    assertThat(api.ticketRequests()).isEmpty();

    var done = app.getBean(PluginHost.class).actions()
        .approve(pending.path("request_id").asText(), Approver.of("alice", Approver.APPROVER));

    assertThat(done.state()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(done.requester()).isEqualTo("user-42");
    assertThat(api.ticketRequests()).hasSize(1);
  }

  @Test
  void withoutTheTicketSettingsTheApplicationDoesNotStartAndSaysWhatIsMissing() {
    assertThatThrownBy(() -> start())
        .satisfies(e -> {
          Throwable t = e;
          while (t != null && !(t instanceof InvalidConfigException)) {
            t = t.getCause();
          }
          assertThat(t).isNotNull();
          assertThat(t.getMessage()).contains("plugins.support-ticket.config.apiUrl")
              .contains("plugins.support-ticket.config.apiKey");
        });
  }

  private static String lastToolResponse(Prompt request) {
    List<Message> messages = request.getInstructions();
    return ((ToolResponseMessage) messages.get(messages.size() - 1)).getResponses().get(0).responseData();
  }
}
