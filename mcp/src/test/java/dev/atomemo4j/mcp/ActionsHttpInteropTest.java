package dev.atomemo4j.mcp;

import static dev.atomemo4j.mcp.NodeClient.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.core.actions.ActionCodes;
import dev.atomemo4j.core.actions.ActionGateway;
import dev.atomemo4j.core.actions.ActionOutcome;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.actions.ActionRequest;
import dev.atomemo4j.host.actions.Approver;
import dev.atomemo4j.host.actions.AuditEntry;
import dev.atomemo4j.host.actions.JdbcActionStore;
import dev.atomemo4j.mcp.fixture.Desk;
import dev.atomemo4j.mcp.fixture.DeskRegistry;
import dev.atomemo4j.runtime.spi.ActionBinding;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Actions over streamable HTTP, driven by the official MCP TypeScript SDK client, through a real PluginHost whose
 * approval store is an H2 file: the client's answer to the elicitation question decides a manual action, an
 * admin-only one waits for an admin (here: not at all) and answers pending, an auto one runs.
 */
class ActionsHttpInteropTest {
  static final String PIN = "PIN-MARKER-7731";

  @TempDir static Path dir;
  static JdbcActionStore store;
  static PluginHost host;
  static McpPluginServer.Running http;

  @BeforeAll
  static void start() throws Exception {
    store = JdbcActionStore.h2File(dir.resolve("actions"));
    host = PluginHost.builder().plugin(new DeskRegistry()).actionStore(store).installShutdownHook(false).start();
    http = McpPluginServer.builder(new DeskRegistry().descriptor())
        .actions(host.actions().gateway("front-desk"))
        .approvalWait(Duration.ZERO)
        .build()
        .serveHttp(new InetSocketAddress("127.0.0.1", 0));
  }

  @AfterAll
  static void stop() {
    http.close();
    host.close();
    store.close();
  }

  static ObjectNode planFor(String clientName, String answer) {
    ObjectNode plan = plan();
    plan.put("http", http.url().orElseThrow().toString()).put("clientName", clientName);
    if (answer != null) {
      plan.putObject("elicitation").put("answer", answer);
    }
    return plan;
  }

  static ActionRequest onlyRequestOf(String clientName) {
    List<ActionRequest> mine = store.all().stream().filter(r -> r.requester().equals("mcp:" + clientName)).toList();
    assertThat(mine).as("requests proposed by mcp:%s", clientName).hasSize(1);
    return mine.get(0);
  }

  static JsonNode fileNote(ObjectNode plan) throws Exception {
    NodeClient.call(plan, "file_note", "{\"note\":\"lunch at noon\",\"shelf\":\"B2\",\"pin\":\"" + PIN + "\"}");
    return NodeClient.run(plan);
  }

  @Test
  void theActionsAreListedAsToolsSayingWhatApprovalTheyNeed() throws Exception {
    JsonNode tools = NodeClient.run(NodeClient.list(planFor("listing-client", null))).path("steps").get(0)
        .path("tools");
    JsonNode file = tool(tools, "file_note");
    assertThat(file.path("description").asText()).startsWith("Files a note on a shelf.")
        .contains("after the user approves it");
    assertThat(file.path("inputSchema").path("properties").has("pin")).isTrue();
    assertThat(file.path("annotations").path("readOnlyHint").asBoolean(true)).isFalse();
    assertThat(file.path("annotations").path("destructiveHint").asBoolean(true)).isFalse();
    assertThat(tool(tools, "shred_files").path("annotations").path("destructiveHint").asBoolean()).isTrue();
    assertThat(tool(tools, "shred_files").path("description").asText()).contains("an admin approves it");
    assertThat(tool(tools, "stamp_form").path("description").asText()).contains("without approval");
  }

  @Test
  void anAcceptedQuestionRunsTheManualActionOnceAndReturnsItsResult() throws Exception {
    JsonNode report = fileNote(planFor("accepting-client", "accept"));
    JsonNode result = report.path("steps").get(0).path("result");
    assertThat(result.path("isError").asBoolean()).as("%s", result).isFalse();
    assertThat(result.path("structuredContent").path("note").asText()).isEqualTo("lunch at noon");

    ActionRequest r = onlyRequestOf("accepting-client");
    assertThat(r.state()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(r.decidedBy()).isEqualTo("mcp:accepting-client");
    assertThat(Desk.runsOf(r.id())).isEqualTo(1);
    assertThat(Desk.PINS.get(r.id())).isEqualTo(PIN);
    assertThat(store.audit(r.id())).extracting(AuditEntry::to, AuditEntry::actor).contains(
        org.assertj.core.groups.Tuple.tuple(ActionState.APPROVED, "mcp:accepting-client"));
  }

  @Test
  void theQuestionShowsTheSummaryAndTheInputWithItsSecretMasked() throws Exception {
    JsonNode report = fileNote(planFor("reading-client", "accept"));
    assertThat(report.path("elicitations")).hasSize(1);
    String message = report.path("elicitations").get(0).path("message").asText();
    assertThat(message).contains("File the note lunch at noon on shelf B2").contains("[REDACTED]")
        .contains(onlyRequestOf("reading-client").id()).doesNotContain(PIN);
  }

  @Test
  void aDeclinedQuestionDeniesTheRequestAndTheBodyNeverRuns() throws Exception {
    JsonNode report = fileNote(planFor("declining-client", "decline"));
    JsonNode error = NodeClient.errorOf(report.path("steps").get(0));
    ActionRequest r = onlyRequestOf("declining-client");
    assertThat(error.path("code").asText()).isEqualTo(ActionCodes.DENIED);
    assertThat(error.path("request_id").asText()).isEqualTo(r.id());
    assertThat(r.state()).isEqualTo(ActionState.DENIED);
    assertThat(r.error()).contains("declined");
    assertThat(Desk.runsOf(r.id())).isZero();
    assertThat(store.audit(r.id())).extracting(AuditEntry::from, AuditEntry::to, AuditEntry::actor).contains(
        org.assertj.core.groups.Tuple.tuple(ActionState.PENDING, ActionState.DENIED, "mcp:declining-client"));
  }

  @Test
  void aCancelledQuestionDeniesTheRequest() throws Exception {
    JsonNode report = fileNote(planFor("cancelling-client", "cancel"));
    assertThat(NodeClient.errorOf(report.path("steps").get(0)).path("code").asText()).isEqualTo(ActionCodes.DENIED);
    ActionRequest r = onlyRequestOf("cancelling-client");
    assertThat(r.state()).isEqualTo(ActionState.DENIED);
    assertThat(r.error()).contains("cancelled");
    assertThat(Desk.runsOf(r.id())).isZero();
  }

  @Test
  void aClientWithoutElicitationGetsTheManualActionDenied() throws Exception {
    JsonNode report = fileNote(planFor("plain-client", null));
    assertThat(NodeClient.errorOf(report.path("steps").get(0)).path("code").asText()).isEqualTo(ActionCodes.DENIED);
    ActionRequest r = onlyRequestOf("plain-client");
    assertThat(r.state()).isEqualTo(ActionState.DENIED);
    assertThat(r.error()).contains("elicitation capability");
    assertThat(Desk.runsOf(r.id())).isZero();
  }

  @Test
  void anAdminOnlyCallNobodyDecidedAnswersPendingWithTheRequestIdAndTheRequestWaits() throws Exception {
    ObjectNode plan = planFor("asking-client", "accept");
    NodeClient.call(plan, "shred_files", "{\"room\":\"archive\"}");
    JsonNode report = NodeClient.run(plan);
    JsonNode result = report.path("steps").get(0).path("result");
    assertThat(result.path("isError").asBoolean()).as("%s", result).isFalse();
    ActionRequest r = onlyRequestOf("asking-client");
    assertThat(result.path("structuredContent").path("request_id").asText()).isEqualTo(r.id());
    assertThat(result.path("structuredContent").path("code").asText()).isEqualTo(ActionCodes.PENDING);
    assertThat(report.path("elicitations")).as("the MCP user is never asked to decide admin-only").isEmpty();
    assertThat(r.state()).isEqualTo(ActionState.PENDING);
    assertThat(Desk.runsOf(r.id())).isZero();

    host.actions().approve(r.id(), Approver.of("root", Approver.ADMIN));
    assertThat(Desk.runsOf(r.id())).as("the stored request runs once an admin approves it").isEqualTo(1);
  }

  @Test
  void anAdminOnlyCallGetsTheResultWhenAnAdminApprovesWhileItWaits() throws Exception {
    CountDownLatch proposed = new CountDownLatch(1);
    AtomicReference<String> requestId = new AtomicReference<>();
    ActionGateway gateway = host.actions().gateway("front-desk");
    // The same gateway, telling the test when the request is stored: the admin decides only then.
    ActionGateway watched = new ActionGateway() {
      public String pluginId() {
        return gateway.pluginId();
      }

      public Approval mode(ActionBinding action) {
        return gateway.mode(action);
      }

      public ActionOutcome propose(String action, JsonNode input, String requester) {
        ActionOutcome o = gateway.propose(action, input, requester);
        requestId.set(o.requestId());
        proposed.countDown();
        return o;
      }

      public ActionOutcome approve(String id, String approver) {
        return gateway.approve(id, approver);
      }

      public ActionOutcome deny(String id, String approver, String reason) {
        return gateway.deny(id, approver, reason);
      }

      public ActionOutcome await(String id, Duration wait) throws InterruptedException {
        return gateway.await(id, wait);
      }
    };
    try (McpPluginServer.Running waiting = McpPluginServer.builder(new DeskRegistry().descriptor())
        .actions(watched).approvalWait(Duration.ofMinutes(2)).build()
        .serveHttp(new InetSocketAddress("127.0.0.1", 0))) {
      ObjectNode plan = plan();
      plan.put("http", waiting.url().orElseThrow().toString()).put("clientName", "patient-client");
      NodeClient.call(plan, "shred_files", "{\"room\":\"basement\"}");
      CompletableFuture<JsonNode> report = CompletableFuture.supplyAsync(() -> {
        try {
          return NodeClient.run(plan);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertThat(proposed.await(60, TimeUnit.SECONDS)).as("the call proposed the request").isTrue();
      host.actions().approve(requestId.get(), Approver.of("root", Approver.ADMIN));

      JsonNode result = report.get(120, TimeUnit.SECONDS).path("steps").get(0).path("result");
      assertThat(result.path("isError").asBoolean()).as("%s", result).isFalse();
      assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("shredded basement");
      assertThat(Desk.runsOf(requestId.get())).isEqualTo(1);
    }
  }

  @Test
  void anAutoActionRunsAtOnceAndIsStored() throws Exception {
    ObjectNode plan = planFor("auto-client", null);
    NodeClient.call(plan, "stamp_form", "{\"form\":\"F-12\"}");
    JsonNode result = NodeClient.run(plan).path("steps").get(0).path("result");
    assertThat(result.path("isError").asBoolean()).as("%s", result).isFalse();
    assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("stamped F-12");
    ActionRequest r = onlyRequestOf("auto-client");
    assertThat(r.state()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(Desk.runsOf(r.id())).isEqualTo(1);
  }

  @Test
  void anInvalidInputIsRefusedBeforeAnyRequestIsStored() throws Exception {
    ObjectNode plan = planFor("sloppy-client", "accept");
    NodeClient.call(plan, "file_note", "{\"note\":\"no shelf\"}");
    JsonNode error = NodeClient.errorOf(NodeClient.run(plan).path("steps").get(0));
    assertThat(error.path("code").asText()).isEqualTo("sdk:invalid_parameter");
    assertThat(store.all()).noneMatch(r -> r.requester().equals("mcp:sloppy-client"));
  }

  static JsonNode tool(JsonNode tools, String name) {
    return StreamSupport.stream(tools.spliterator(), false).filter(t -> t.path("name").asText().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no tool " + name + " in " + tools));
  }
}
