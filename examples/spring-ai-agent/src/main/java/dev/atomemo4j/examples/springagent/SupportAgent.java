package dev.atomemo4j.examples.springagent;

import dev.atomemo4j.springai.PluginToolCallback;
import dev.atomemo4j.springai.PluginToolCallbackProvider;
import java.util.Map;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.stereotype.Service;

/**
 * The agent: a {@link ChatClient} over the application's model with the hosted plugins' tools. Reading the time
 * runs at once; {@code create_ticket} ({@code manual}) only proposes a ticket, in the name of the user the agent
 * acts for, and the ticket is opened when a person approves the request through the host.
 */
@Service
public class SupportAgent {
  private final ChatClient chat;

  public SupportAgent(ChatModel model, PluginToolCallbackProvider tools) {
    this.chat = ChatClient.builder(model)
        .defaultSystem("You are a support agent. Open tickets for problems the user reports; say when a ticket"
            + " waits for approval.")
        .defaultToolCallbacks(tools)
        .build();
  }

  /** One turn for {@code user}: the model may call the tools as often as it needs. */
  public String ask(String user, String message) {
    return chat.prompt().user(message).toolContext(Map.of(PluginToolCallback.CALLER, user)).call().content();
  }
}
