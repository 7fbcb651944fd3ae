package dev.atomemo4j.examples.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.actions.ActionException;
import dev.atomemo4j.host.actions.ActionRequest;
import dev.atomemo4j.host.actions.Approver;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.testing.PluginHostExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The processor-generated registry of {@link SupportTicket} in a real PluginHost with an H2 approval store, talking
 * to a MockWebServer ticket API: nothing reaches the API before a person approves, then exactly one call does.
 */
class SupportTicketTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String API_KEY = "sk-MARKER-7c1e55";
  static final Approver AGENT_OWNER = Approver.of("alice", Approver.APPROVER);
  static final Approver ADMIN = Approver.of("root", Approver.ADMIN);

  final MockTicketApi api = new MockTicketApi();

  @RegisterExtension
  final PluginHostExtension kit = PluginHostExtension.configure((host, dir) -> host
      .plugin(SupportTicket.class, new SupportTicketConfig(api.url(), Secret.of(API_KEY), "normal"))
      .database("jdbc:h2:file:" + dir.resolve("actions")));

  @AfterEach
  void stopApi() {
    api.close();
  }

  static JsonNode ticket(String title) {
    return JSON.createObjectNode().put("title", title).put("description", "It is on fire.").put("priority", "high");
  }

  @Test
  void theManifestListsBothActionsWithTheirModes(PluginHost host) throws Exception {
    JsonNode manifest = JSON.readTree(host.plugin("support-ticket").manifestJson().orElseThrow());

    assertThat(manifest.get("actions").findValuesAsText("name")).containsExactly("create_ticket", "close_ticket");
    assertThat(manifest.get("actions").findValuesAsText("approval")).containsExactly("manual", "admin-only");
  }

  @Test
  void aProposedTicketWaitsForApprovalWithoutTouchingTheApi(PluginHost host) {
    ActionRequest r = host.actions().propose("support-ticket", "create_ticket", ticket("Printer"), "agent");

    assertThat(r.state()).isEqualTo(ActionState.PENDING);
    assertThat(r.mode()).isEqualTo(Approval.MANUAL);
    assertThat(r.summary()).isEqualTo("Open a high ticket: Printer");
    assertThat(api.ticketRequests()).isEmpty();
  }

  @Test
  void anApprovedTicketIsOpenedOnceWithTheKeyAndTheResultIsStored(PluginHost host) throws Exception {
    ActionRequest r = host.actions().propose("support-ticket", "create_ticket", ticket("Printer"), "agent");

    ActionRequest done = host.actions().approve(r.id(), AGENT_OWNER);

    assertThat(done.state()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(JSON.readTree(done.result()).get("id").asText()).isEqualTo("T-1");
    assertThat(api.ticketRequests()).hasSize(1);
    assertThat(api.ticketRequests().get(0).getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(done.toString()).doesNotContain(API_KEY);
  }

  @Test
  void theDefaultPriorityFromTheConfigIsUsedWhenTheRequestNamesNone(PluginHost host) throws Exception {
    ActionRequest r = host.actions().propose("support-ticket", "create_ticket",
        JSON.createObjectNode().put("title", "Mouse").put("description", "Gone."), "agent");

    ActionRequest done = host.actions().approve(r.id(), AGENT_OWNER);

    assertThat(JSON.readTree(done.result()).get("priority").asText()).isEqualTo("normal");
  }

  @Test
  void aDeniedTicketNeverReachesTheApi(PluginHost host) {
    ActionRequest r = host.actions().propose("support-ticket", "create_ticket", ticket("Printer"), "agent");

    host.actions().deny(r.id(), AGENT_OWNER);

    assertThat(api.ticketRequests()).isEmpty();
  }

  @Test
  void closingATicketNeedsAnAdmin(PluginHost host) {
    ActionRequest r = host.actions().propose("support-ticket", "close_ticket",
        JSON.createObjectNode().put("id", "T-9"), "agent");

    assertThatThrownBy(() -> host.actions().approve(r.id(), AGENT_OWNER)).isInstanceOf(ActionException.class);
    assertThat(host.actions().approve(r.id(), ADMIN).state()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(api.ticketRequests()).extracting(x -> x.getUrl().encodedPath()).containsExactly("/tickets/T-9/close");
  }
}
