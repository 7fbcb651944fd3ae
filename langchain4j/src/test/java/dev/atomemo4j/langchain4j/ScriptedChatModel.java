package dev.atomemo4j.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A chat model that answers from a script instead of a provider, behind LangChain4j's {@link ChatModel}: AiServices
 * runs its own tool loop around it (execute what the answer asks for, send the results back). Every request it
 * received is recorded, with the tool specifications AiServices sent in it.
 */
final class ScriptedChatModel implements ChatModel {
  private final Deque<Function<ChatRequest, AiMessage>> script = new ArrayDeque<>();
  final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

  ScriptedChatModel then(Function<ChatRequest, AiMessage> answer) {
    script.add(answer);
    return this;
  }

  ScriptedChatModel thenCall(String tool, String argumentsJson) {
    return then(r -> AiMessage.from(ToolExecutionRequest.builder()
        .id("call-" + requests.size()).name(tool).arguments(argumentsJson).build()));
  }

  ScriptedChatModel thenSay(String text) {
    return then(r -> AiMessage.from(text));
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    requests.add(request);
    Function<ChatRequest, AiMessage> next = script.poll();
    if (next == null) {
      throw new IllegalStateException("the script has no answer left for request " + requests.size());
    }
    return ChatResponse.builder().aiMessage(next.apply(request)).build();
  }
}
