package dev.atomemo4j.examples.lc4jagent;

import dev.atomemo4j.examples.ticket.SupportTicket;
import dev.atomemo4j.examples.ticket.SupportTicketConfig;
import dev.atomemo4j.examples.time.GetCurrentTime;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.langchain4j.PluginToolProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.SystemMessage;

/**
 * A support agent on LangChain4j: its tools are the get-current-time plugin's tool and the support-ticket plugin's
 * actions, hosted in a {@link PluginHost}. The model sees the generated schemas; it may read the time at once, but
 * {@code create_ticket} ({@code manual}) only proposes a ticket, which is opened when a person approves the request
 * through the host ({@code host.actions().approve}, or the admin API's approval page).
 *
 * <pre>{@code
 * try (PluginHost host = SupportAgent.host(config, "jdbc:h2:file:/var/lib/agent/actions")) {
 *   SupportAgent.Assistant agent = SupportAgent.assistant(host, chatModel, "user-42");
 *   agent.chat("The export button is broken, please open a ticket");
 * }
 * }</pre>
 */
public final class SupportAgent {

  /** What the application talks to; LangChain4j implements it and runs the tool loop. */
  public interface Assistant {
    @SystemMessage("You are a support agent. Open tickets for problems the user reports; say when a ticket waits"
        + " for approval.")
    String chat(String message);
  }

  private SupportAgent() {}

  /**
   * The host of the agent's plugins; the ticket system's URL and key come from {@code config}, pending ticket
   * requests are kept on {@code actionDatabase} (a JDBC URL: an H2 file, or PostgreSQL shared by several hosts).
   */
  public static PluginHost host(SupportTicketConfig config, String actionDatabase) {
    return PluginHost.builder()
        .plugin(GetCurrentTime.class)
        .plugin(SupportTicket.class, config)
        .actionDatabase(actionDatabase)
        .start();
  }

  /** The AI service over {@code model}, with the host's tools; tickets are requested in the name of {@code user}. */
  public static Assistant assistant(PluginHost host, ChatModel model, String user) {
    return AiServices.builder(Assistant.class)
        .chatModel(model)
        .toolProvider(PluginToolProvider.of(host, user))
        .build();
  }
}
