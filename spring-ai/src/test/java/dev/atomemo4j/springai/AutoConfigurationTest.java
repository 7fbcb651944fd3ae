package dev.atomemo4j.springai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.core.lifecycle.InvalidConfigException;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.tools.ToolOutcome;
import dev.atomemo4j.springai.autoconfigure.Atomemo4jAutoConfiguration;
import dev.atomemo4j.springai.workbench.Workbench;
import dev.atomemo4j.springai.workbench.WorkbenchConfig;
import dev.atomemo4j.springai.workbench.WorkbenchTools;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration in a real application context: discovery, config from properties, validation, close. */
class AutoConfigurationTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(Atomemo4jAutoConfiguration.class))
        .withPropertyValues("atomemo4j.actions.database=jdbc:h2:file:" + dir.resolve("actions"));
  }

  @Test
  void thePluginsOnTheClassPathAreHostedWithTheirConfigFromTheProperties() {
    runner().withPropertyValues("atomemo4j.plugins.workbench.greeting=Bonjour",
        "atomemo4j.plugins.workbench.retries=3").run(context -> {
          PluginHost host = context.getBean(PluginHost.class);
          assertThat(host.plugin("workbench").config()).isEqualTo(new WorkbenchConfig("Bonjour", 3));
        });
  }

  @Test
  void theToolCallbackProviderOffersEveryToolAndAction() {
    runner().withPropertyValues("atomemo4j.plugins.workbench.greeting=Hi").run(context -> {
      ToolCallbackProvider provider = context.getBean(ToolCallbackProvider.class);
      assertThat(provider.getToolCallbacks()).extracting(c -> c.getToolDefinition().name())
          .containsExactly("add_numbers", "send_greeting");
    });
  }

  @Test
  void aBadConfigStopsTheStartWithEveryProblemInOneMessage() {
    runner().withPropertyValues("atomemo4j.plugins.workbench.greeting=", "atomemo4j.plugins.workbench.retries=9")
        .run(context -> {
          assertThat(context).hasFailed();
          Throwable failure = context.getStartupFailure();
          while (failure != null && !(failure instanceof InvalidConfigException)) {
            failure = failure.getCause();
          }
          assertThat(failure).isInstanceOf(InvalidConfigException.class);
          assertThat(((InvalidConfigException) failure).code()).isEqualTo("host:invalid_config");
          assertThat(failure.getMessage()).contains("plugins.workbench.config.greeting")
              .contains("plugins.workbench.config.retries");
        });
  }

  @Test
  void aToolClassBeanOfTheApplicationServesTheTool() {
    runner().withPropertyValues("atomemo4j.plugins.workbench.greeting=Hi")
        .withBean(WorkbenchTools.class, () -> new WorkbenchTools("spring-bean"))
        .run(context -> {
          ToolOutcome outcome = context.getBean(PluginHost.class).tools().call("add_numbers", "{\"a\":1,\"b\":2}",
              "test");
          assertThat(JSON.readTree(outcome.text()).path("served_by").asText()).isEqualTo("spring-bean");
        });
  }

  @Test
  void closingTheContextTearsThePluginsDown() {
    int before = Workbench.TEARDOWNS.get();
    runner().withPropertyValues("atomemo4j.plugins.workbench.greeting=Hi")
        .run(context -> assertThat(Workbench.TEARDOWNS).hasValue(before));
    assertThat(Workbench.TEARDOWNS).hasValue(before + 1);
  }

  @Test
  void atomemo4jEnabledFalseConfiguresNothing() {
    runner().withPropertyValues("atomemo4j.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(PluginHost.class));
  }
}
