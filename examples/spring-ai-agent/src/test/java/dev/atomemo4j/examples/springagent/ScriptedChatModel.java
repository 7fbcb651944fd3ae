package dev.atomemo4j.examples.springagent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * A chat model that answers from a script instead of a provider, and otherwise does what Spring AI's provider
 * models do: it resolves the tool definitions it would send with the {@link ToolCallingManager}, and when its
 * answer asks for tools it has the manager execute them and calls itself again with the conversation so far.
 * Every request it received, and the tool definitions of each, are recorded for the tests.
 */
final class ScriptedChatModel implements ChatModel {
  private final ToolCallingManager manager = ToolCallingManager.builder().build();
  private final Deque<Function<Prompt, AssistantMessage>> script = new ArrayDeque<>();
  final List<Prompt> requests = new CopyOnWriteArrayList<>();
  final List<List<ToolDefinition>> sentTools = new CopyOnWriteArrayList<>();

  /** The next answer: computed from the request it answers. */
  ScriptedChatModel then(Function<Prompt, AssistantMessage> answer) {
    script.add(answer);
    return this;
  }

  /** The next answer asks for one tool call. */
  ScriptedChatModel thenCall(String tool, String argumentsJson) {
    return then(p -> AssistantMessage.builder().content("")
        .toolCalls(List.of(new AssistantMessage.ToolCall("call-" + requests.size(), "function", tool,
            argumentsJson)))
        .build());
  }

  @Override
  public ChatResponse call(Prompt prompt) {
    requests.add(prompt);
    ChatOptions options = prompt.getOptions();
    if (options instanceof ToolCallingChatOptions tooling) {
      sentTools.add(manager.resolveToolDefinitions(tooling));
    }
    Function<Prompt, AssistantMessage> next = script.poll();
    if (next == null) {
      throw new IllegalStateException("the script has no answer left for request " + requests.size());
    }
    ChatResponse response = new ChatResponse(List.of(new Generation(next.apply(prompt))));
    if (options != null && ToolCallingChatOptions.isInternalToolExecutionEnabled(options)
        && response.hasToolCalls()) {
      ToolExecutionResult executed = manager.executeToolCalls(prompt, response);
      return call(new Prompt(executed.conversationHistory(), options));
    }
    return response;
  }

  @Override
  public ChatOptions getDefaultOptions() {
    return ToolCallingChatOptions.builder().build();
  }
}
