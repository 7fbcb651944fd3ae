package dev.atomemo4j.springai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.actions.ActionRequest;
import dev.atomemo4j.host.actions.Approver;
import dev.atomemo4j.springai.workbench.Workbench;
import dev.atomemo4j.springai.workbench.WorkbenchConfig;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * Spring AI's own tool-calling loop ({@code ChatClient} and its {@code ToolCallingManager}) over a real {@link
 * PluginHost}, with a scripted model in place of a provider's: what the model asks for runs through the host, and
 * what the tool answered is in the model's next request.
 */
class SpringAiToolCallingTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  PluginHost host;
  ScriptedChatModel model;
  ChatClient chat;

  @BeforeEach
  void start() {
    Workbench.GREETINGS_SENT.set(0);
    host = PluginHost.builder()
        .plugin(Workbench.class, new WorkbenchConfig("Hello", 1))
        .actionDatabase("jdbc:h2:file:" + dir.resolve("actions"))
        .start();
    model = new ScriptedChatModel();
    chat = ChatClient.builder(model).defaultToolCallbacks(PluginToolCallbackProvider.of(host, "agent-7")).build();
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void aToolTheModelAsksForRunsAndItsResultReachesTheModel() throws Exception {
    model.thenCall("add_numbers", "{\"a\": 40, \"b\": 2}")
        .then(p -> new AssistantMessage("The sum is 42."));

    String answer = chat.prompt().user("What is 40 + 2?").call().content();

    assertThat(answer).isEqualTo("The sum is 42.");
    assertThat(model.requests).hasSize(2);
    ToolResponseMessage.ToolResponse response = lastToolResponse(model.requests.get(1));
    assertThat(response.name()).isEqualTo("add_numbers");
    assertThat(JSON.readTree(response.responseData()))
        .isEqualTo(JSON.readTree("{\"sum\": 42, \"served_by\": \"default\"}"));
  }

  @Test
  void anInvalidArgumentReachesTheModelAsOurInvalidParameterError() throws Exception {
    model.thenCall("add_numbers", "{\"a\": \"forty\", \"b\": 2}")
        .then(p -> new AssistantMessage("Sorry, I sent a bad number."));

    chat.prompt().user("What is forty + 2?").call().content();

    JsonNode error = JSON.readTree(lastToolResponse(model.requests.get(1)).responseData());
    assertThat(error.path("code").asText()).isEqualTo("sdk:invalid_parameter");
    assertThat(error.path("problems").toString()).contains("/a");
  }

  @Test
  void aManualActionIsOnlyProposedAndRunsOnceWhenApprovedThroughTheHost() throws Exception {
    model.thenCall("send_greeting", "{\"person\": \"Ada\"}")
        .then(p -> new AssistantMessage("I asked for approval."));

    chat.prompt().user("Greet Ada").call().content();

    JsonNode pending = JSON.readTree(lastToolResponse(model.requests.get(1)).responseData());
    assertThat(pending.path("state").asText()).isEqualTo("pending");
    assertThat(Workbench.GREETINGS_SENT).hasValue(0);
    String requestId = pending.path("request_id").asText();
    assertThat(host.actions().request(requestId)).get().extracting(ActionRequest::requester).isEqualTo("agent-7");

    ActionRequest done = host.actions().approve(requestId, Approver.of("alice", Approver.APPROVER));

    assertThat(done.state()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(Workbench.GREETINGS_SENT).hasValue(1);
    assertThat(host.tools().actionOutcome(requestId).text()).isEqualTo("Hello, Ada!");
  }

  @Test
  void theToolContextNamesWhoProposesAnAction() throws Exception {
    model.thenCall("send_greeting", "{\"person\": \"Ada\"}")
        .then(p -> new AssistantMessage("Pending."));

    chat.prompt().user("Greet Ada").toolContext(Map.of(PluginToolCallback.CALLER, "user-42")).call().content();

    String requestId = JSON.readTree(lastToolResponse(model.requests.get(1)).responseData())
        .path("request_id").asText();
    assertThat(host.actions().request(requestId)).get().extracting(ActionRequest::requester).isEqualTo("user-42");
  }

  @Test
  void theSchemaSpringAiSendsForEachToolIsTheGeneratedOne() throws Exception {
    model.then(p -> new AssistantMessage("Nothing to do."));

    chat.prompt().user("Hi").call().content();

    Map<String, ToolDefinition> sent = model.sentTools.get(0).stream()
        .collect(Collectors.toMap(ToolDefinition::name, d -> d));
    assertThat(sent).containsOnlyKeys("add_numbers", "send_greeting");
    assertThat(JSON.readTree(sent.get("add_numbers").inputSchema()))
        .isEqualTo(generated("META-INF/atomemo4j/workbench/schemas/add_numbers.input.json"));
    assertThat(JSON.readTree(sent.get("send_greeting").inputSchema()))
        .isEqualTo(generated("META-INF/atomemo4j/workbench/schemas/send_greeting.input.json"));
    assertThat(sent.get("add_numbers").description()).isEqualTo("Adds two whole numbers.");
  }

  private static ToolResponseMessage.ToolResponse lastToolResponse(Prompt request) {
    List<Message> messages = request.getInstructions();
    Message last = messages.get(messages.size() - 1);
    assertThat(last).isInstanceOf(ToolResponseMessage.class);
    List<ToolResponseMessage.ToolResponse> responses = ((ToolResponseMessage) last).getResponses();
    assertThat(responses).hasSize(1);
    return responses.get(0);
  }

  private static JsonNode generated(String resource) throws Exception {
    try (InputStream in = SpringAiToolCallingTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return JSON.readTree(in);
    }
  }
}
