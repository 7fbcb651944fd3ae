package dev.atomemo4j.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.tools.HostTool;
import dev.atomemo4j.host.tools.HostTools;
import dev.atomemo4j.host.tools.ToolOutcome;
import dev.atomemo4j.langchain4j.workbench.Workbench;
import dev.atomemo4j.langchain4j.workbench.WorkbenchConfig;
import dev.atomemo4j.langchain4j.workbench.WorkbenchTools;
import dev.atomemo4j.runtime.ToolFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code PluginHost.tools()} itself, without a framework: the list, and calls through the pipeline. */
class HostToolsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  PluginHost host;

  PluginHost start(PluginHost.Builder builder) {
    host = builder.plugin(Workbench.class, new WorkbenchConfig("Hello", 1))
        .actionDatabase("jdbc:h2:file:" + dir.resolve("actions"))
        .start();
    return host;
  }

  @AfterEach
  void stop() {
    if (host != null) {
      host.close();
    }
  }

  @Test
  void theListHoldsEveryToolAndActionWithItsDescriptionAndApproval() {
    HostTools tools = start(PluginHost.builder()).tools();

    assertThat(tools.list()).extracting(HostTool::name, HostTool::kind, HostTool::approval).containsExactly(
        org.assertj.core.groups.Tuple.tuple("add_numbers", HostTool.Kind.TOOL, null),
        org.assertj.core.groups.Tuple.tuple("repeat_text", HostTool.Kind.TOOL, null),
        org.assertj.core.groups.Tuple.tuple("send_greeting", HostTool.Kind.ACTION, Approval.MANUAL));
    assertThat(tools.find("add_numbers").orElseThrow().description()).isEqualTo("Adds two whole numbers.");
  }

  @Test
  void aTypedResultListsItsGeneratedOutputSchema() throws Exception {
    HostTool add = start(PluginHost.builder()).tools().find("add_numbers").orElseThrow();

    assertThat(JSON.readTree(add.outputSchema().orElseThrow()).path("properties").has("served_by")).isTrue();
  }

  @Test
  void anUnknownNameAnswersToolNotFoundNamingWhatExists() throws Exception {
    ToolOutcome outcome = start(PluginHost.builder()).tools().call("no_such_tool", "{}", "agent");

    assertThat(outcome.errorCode()).contains("sdk:tool_not_found");
    assertThat(JSON.readTree(outcome.text()).path("message").asText()).contains("add_numbers");
  }

  @Test
  void argumentsThatAreNotJsonAnswerInvalidParameter() {
    ToolOutcome outcome = start(PluginHost.builder()).tools().call("add_numbers", "{a: 1", "agent");

    assertThat(outcome.status()).isEqualTo(ToolOutcome.Status.FAILED);
    assertThat(outcome.errorCode()).contains("sdk:invalid_parameter");
  }

  @Test
  void aDisabledPluginsToolsDoNotRun() {
    PluginHost h = start(PluginHost.builder());
    h.disable("workbench");

    ToolOutcome outcome = h.tools().call("add_numbers", "{\"a\":1,\"b\":2}", "agent");

    assertThat(outcome.errorCode()).contains(HostTools.PLUGIN_NOT_AVAILABLE);
  }

  @Test
  void theBuildersToolFactorySuppliesTheToolInstance() throws Exception {
    PluginHost h = start(PluginHost.builder().toolFactory(ToolFactory.of(new WorkbenchTools("factory"))));

    ToolOutcome outcome = h.tools().call("workbench", "add_numbers", JSON.readTree("{\"a\":1,\"b\":2}"), "agent");

    assertThat(JSON.readTree(outcome.text()).path("served_by").asText()).isEqualTo("factory");
  }

  @Test
  void aStringResultIsTheTextItself() {
    ToolOutcome outcome = start(PluginHost.builder()).tools()
        .call("repeat_text", "{\"text\":\"hi\",\"mode\":\"loud\",\"times\":2}", "agent");

    assertThat(outcome.text()).isEqualTo("HI HI");
  }
}
