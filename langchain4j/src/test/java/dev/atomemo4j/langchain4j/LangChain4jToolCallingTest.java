package dev.atomemo4j.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.actions.ActionRequest;
import dev.atomemo4j.host.actions.Approver;
import dev.atomemo4j.langchain4j.workbench.Workbench;
import dev.atomemo4j.langchain4j.workbench.WorkbenchConfig;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.service.AiServices;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LangChain4j's own tool loop ({@code AiServices}) over a real {@link PluginHost}, with a scripted model in place of
 * a provider's: what the model asks for runs through the host, and what the tool answered is in its next request.
 */
class LangChain4jToolCallingTest {
  static final ObjectMapper JSON = new ObjectMapper();

  interface Assistant {
    String chat(String message);
  }

  @TempDir
  Path dir;
  PluginHost host;
  ScriptedChatModel model;
  Assistant assistant;

  @BeforeEach
  void start() {
    Workbench.GREETINGS_SENT.set(0);
    host = PluginHost.builder()
        .plugin(Workbench.class, new WorkbenchConfig("Hello", 1))
        .actionDatabase("jdbc:h2:file:" + dir.resolve("actions"))
        .start();
    model = new ScriptedChatModel();
    assistant = AiServices.builder(Assistant.class)
        .chatModel(model)
        .toolProvider(PluginToolProvider.of(host, "agent-7"))
        .build();
  }

  @AfterEach
  void stop() {
    host.close();
  }

  @Test
  void aToolTheModelAsksForRunsAndItsResultReachesTheModel() throws Exception {
    model.thenCall("add_numbers", "{\"a\": 40, \"b\": 2}").thenSay("The sum is 42.");

    String answer = assistant.chat("What is 40 + 2?");

    assertThat(answer).isEqualTo("The sum is 42.");
    ToolExecutionResultMessage result = lastToolResult(model.requests.get(1));
    assertThat(result.toolName()).isEqualTo("add_numbers");
    assertThat(JSON.readTree(result.text())).isEqualTo(JSON.readTree("{\"sum\": 42, \"served_by\": \"default\"}"));
  }

  @Test
  void anInvalidArgumentReachesTheModelAsOurInvalidParameterError() throws Exception {
    model.thenCall("repeat_text", "{\"text\": \"hi\", \"mode\": \"whisper\", \"times\": 9}").thenSay("Oops.");

    assistant.chat("Repeat hi");

    JsonNode error = JSON.readTree(lastToolResult(model.requests.get(1)).text());
    assertThat(error.path("code").asText()).isEqualTo("sdk:invalid_parameter");
    assertThat(error.path("problems").toString()).contains("/mode").contains("/times");
  }

  @Test
  void aManualActionIsOnlyProposedAndRunsOnceWhenApprovedThroughTheHost() throws Exception {
    model.thenCall("send_greeting", "{\"person\": \"Ada\"}").thenSay("I asked for approval.");

    assistant.chat("Greet Ada");

    JsonNode pending = JSON.readTree(lastToolResult(model.requests.get(1)).text());
    assertThat(pending.path("state").asText()).isEqualTo("pending");
    assertThat(Workbench.GREETINGS_SENT).hasValue(0);
    String requestId = pending.path("request_id").asText();

    ActionRequest done = host.actions().approve(requestId, Approver.of("alice", Approver.APPROVER));

    assertThat(done.state()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(done.requester()).isEqualTo("agent-7");
    assertThat(Workbench.GREETINGS_SENT).hasValue(1);
  }

  @Test
  void theSpecificationsAiServicesSendCarryTheGeneratedSchemas() throws Exception {
    model.thenSay("Nothing to do.");

    assistant.chat("Hi");

    Map<String, ToolSpecification> sent = model.requests.get(0).toolSpecifications().stream()
        .collect(Collectors.toMap(ToolSpecification::name, s -> s));
    assertThat(sent).containsOnlyKeys("add_numbers", "repeat_text", "send_greeting");
    for (String tool : List.of("add_numbers", "repeat_text", "send_greeting")) {
      JsonNode rendered = ElementJson.of(sent.get(tool).parameters());
      assertThat(rendered).as(tool).isEqualTo(withoutRootAnnotations(generated(tool)));
    }
    assertThat(sent.get("repeat_text").description()).isEqualTo("Repeats a text, plainly or loudly.");
  }

  @Test
  void whatLangChain4jRendersForAProviderKeepsEveryConstraintOfTheGeneratedSchema() throws Exception {
    ToolSpecification repeat = PluginToolProvider.of(host).specifications().stream()
        .filter(s -> s.name().equals("repeat_text")).findFirst().orElseThrow();

    JsonNode rendered = JSON.valueToTree(JsonSchemaElementUtils.toMap(repeat.parameters()));

    // LangChain4j's non-strict rendering leaves out only additionalProperties; every bound and option stays.
    ObjectNode expected = (ObjectNode) withoutRootAnnotations(generated("repeat_text"));
    expected.remove("additionalProperties");
    assertThat(rendered).isEqualTo(expected);
  }

  private static ToolExecutionResultMessage lastToolResult(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    ChatMessage last = messages.get(messages.size() - 1);
    assertThat(last).isInstanceOf(ToolExecutionResultMessage.class);
    return (ToolExecutionResultMessage) last;
  }

  static JsonNode generated(String tool) throws Exception {
    String resource = "META-INF/atomemo4j/workbench/schemas/" + tool + ".input.json";
    try (InputStream in = LangChain4jToolCallingTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return JSON.readTree(in);
    }
  }

  static JsonNode withoutRootAnnotations(JsonNode schema) {
    ObjectNode copy = ((ObjectNode) schema).deepCopy();
    SchemaElements.DROPPED_AT_ROOT.forEach(copy::remove);
    return copy;
  }
}
