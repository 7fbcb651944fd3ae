package dev.atomemo4j.examples.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.annotations.Action;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.annotations.HealthCheck;
import dev.atomemo4j.annotations.Param;
import dev.atomemo4j.annotations.Plugin;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.ToolException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens tickets in a ticket system — an effect an agent should not cause on its own: {@code create_ticket} runs
 * only after a person approved it in the host (manual mode), exactly once. {@code close_ticket} undoes it and needs
 * an admin.
 */
@Plugin(
    name = "support-ticket",
    displayName = "Support tickets",
    description = "Opens and closes tickets in the support team's ticket system, after approval.",
    icon = "🎫",
    types = PluginType.ACTION,
    config = SupportTicketConfig.class)
public final class SupportTicket {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SupportTicketConfig config;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public SupportTicket(SupportTicketConfig config) {
    this.config = config;
  }

  /** What the ticket system answered. */
  public record Ticket(String id, String url, String priority) {}

  @Action(
      name = "create_ticket",
      description = "Opens a ticket with a title and a description.",
      actionType = "ticket.create",
      reversible = true,
      approval = Approval.MANUAL,
      summary = "Open a {priority} ticket: {title}")
  public Ticket createTicket(
      @Param(name = "title") String title,
      @Param(name = "description") String description,
      @Param(name = "priority") Optional<String> priority) throws IOException, InterruptedException, ToolException {
    ObjectNode body = JSON.createObjectNode()
        .put("title", title)
        .put("description", description)
        .put("priority", priority.orElse(config.defaultPriority()));
    JsonNode answer = send(HttpRequest.newBuilder(endpoint("/tickets"))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    return new Ticket(answer.path("id").asText(), answer.path("url").asText(), answer.path("priority").asText());
  }

  @Action(
      name = "close_ticket",
      description = "Closes a ticket.",
      actionType = "ticket.close",
      approval = Approval.ADMIN_ONLY,
      summary = "Close ticket {id}")
  public String closeTicket(@Param(name = "id") String id) throws IOException, InterruptedException, ToolException {
    send(HttpRequest.newBuilder(endpoint("/tickets/" + id + "/close")).POST(HttpRequest.BodyPublishers.noBody()));
    return "closed " + id;
  }

  @HealthCheck
  public HealthResult healthCheck() throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(authorized(HttpRequest.newBuilder(endpoint("/health")).GET()),
        HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 ? HealthResult.ok() : HealthResult.unhealthy("ticket API answered "
        + r.statusCode());
  }

  private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException, ToolException {
    HttpResponse<String> r = http.send(authorized(request.header("Content-Type", "application/json")),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      // The API's own text, never the request: it carries the key.
      throw new ToolException("ticket:api_error", "the ticket API answered " + r.statusCode());
    }
    return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
  }

  private HttpRequest authorized(HttpRequest.Builder request) {
    return request.header("Authorization", "Bearer " + config.apiKey().reveal())
        .timeout(Duration.ofSeconds(30)).build();
  }

  private URI endpoint(String path) {
    String base = config.apiUrl().endsWith("/") ? config.apiUrl().substring(0, config.apiUrl().length() - 1)
        : config.apiUrl();
    return URI.create(base + path);
  }
}
