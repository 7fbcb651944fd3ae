package dev.atomemo4j.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.actions.ActionCodes;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.host.actions.ActionRequest;
import dev.atomemo4j.host.actions.AuditEntry;
import dev.atomemo4j.host.actions.JdbcActionStore;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Actions over stdio: the official TypeScript client starts the server (a PluginHost with an H2 file store) as a
 * subprocess and answers the approval question; the store file is read after the server has exited.
 */
class ActionsStdioInteropTest {

  @TempDir Path dir;

  JsonNode run(String answer) throws Exception {
    ObjectNode plan = NodeClient.plan();
    plan.put("clientName", "stdio-client").putObject("elicitation").put("answer", answer);
    ObjectNode stdio = plan.putObject("stdio");
    stdio.put("command", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ArrayNode args = stdio.putArray("args");
    for (String a : List.of("-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.logFile=System.err", StdioActionServerMain.class.getName(),
        dir.resolve("actions").toString())) {
      args.add(a);
    }
    NodeClient.call(plan, "file_note", "{\"note\":\"over stdio\",\"shelf\":\"C3\",\"pin\":\"1234\"}");
    return NodeClient.run(plan);
  }

  ActionRequest theOnlyRequest() {
    try (JdbcActionStore store = JdbcActionStore.h2File(dir.resolve("actions"))) {
      List<ActionRequest> all = store.all();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  List<AuditEntry> auditOf(String id) {
    try (JdbcActionStore store = JdbcActionStore.h2File(dir.resolve("actions"))) {
      return store.audit(id);
    }
  }

  @Test
  void anAcceptedQuestionOverStdioRunsTheActionAndReturnsItsResult() throws Exception {
    JsonNode result = run("accept").path("steps").get(0).path("result");
    assertThat(result.path("isError").asBoolean()).as("%s", result).isFalse();
    assertThat(result.path("structuredContent").path("shelf").asText()).isEqualTo("C3");
    ActionRequest r = theOnlyRequest();
    assertThat(r.state()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(r.decidedBy()).isEqualTo("mcp:stdio-client");
    assertThat(auditOf(r.id())).extracting(AuditEntry::to).containsExactly(ActionState.PENDING,
        ActionState.APPROVED, ActionState.EXECUTING, ActionState.SUCCEEDED);
  }

  @Test
  void aDeclinedQuestionOverStdioLeavesTheRequestDeniedAndAudited() throws Exception {
    JsonNode step = run("decline").path("steps").get(0);
    assertThat(NodeClient.errorOf(step).path("code").asText()).isEqualTo(ActionCodes.DENIED);
    ActionRequest r = theOnlyRequest();
    assertThat(r.state()).isEqualTo(ActionState.DENIED);
    assertThat(auditOf(r.id())).extracting(AuditEntry::from, AuditEntry::to, AuditEntry::actor)
        .containsExactly(Tuple.tuple(null, ActionState.PENDING, "mcp:stdio-client"),
            Tuple.tuple(ActionState.PENDING, ActionState.DENIED, "mcp:stdio-client"));
  }
}
