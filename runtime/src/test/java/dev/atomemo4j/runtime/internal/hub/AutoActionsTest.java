package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.core.pipeline.PipelineRequest;
import dev.atomemo4j.runtime.ConfigException;
import dev.atomemo4j.runtime.spi.ActionBinding;
import dev.atomemo4j.runtime.spi.AtlasBinding;
import dev.atomemo4j.runtime.spi.ConfigBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.Shape;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which calls the Hub front end turns into action executions, and the object auto actions run on. */
class AutoActionsTest {

  /** A config record with no constraints. */
  record DeskConfig(String room) {}

  static ActionBinding action(String name, Approval approval) {
    return new ActionBinding(name, "d", "t.t", true, approval, List.of(), "", new Shape.Obj(name, List.of(), v -> v,
        null), null, (plugin, in, ctx, ticket) -> plugin, null);
  }

  static PluginDescriptor plugin(ConfigBinding config, ActionBinding... actions) {
    return new PluginDescriptor("desk-plugin", "1.0.0", "META-INF/x/definition.json", AutoActionsTest.class,
        List.of(), List.of(), new AtlasBinding(null, Set.of(PluginType.ACTION), false, config,
            c -> c == null ? "object without config" : "object for " + ((DeskConfig) c).room(), null, null, null, null,
            null, null, List.of(actions)));
  }

  static final ConfigBinding CONFIG = new ConfigBinding(DeskConfig.class, new Shape.Obj("DeskConfig", List.of(
      new Shape.Field("room", new Shape.Str(null, null, null), true, false, null)),
      v -> new DeskConfig((String) v[0]), o -> new Object[] {((DeskConfig) o).room()}), List.of(), null);

  static PipelineRequest call(String name) {
    return PipelineRequest.invokeTool("r", name, JsonNodeFactory.instance.objectNode(), null, Optional.empty());
  }

  @Test
  void aToolCallNamingAnAutoActionBecomesItsExecution() {
    PluginDescriptor d = plugin(null, action("stamp_it", Approval.AUTO));

    assertThat(AutoActions.route(call("stamp_it"), d).kind()).isEqualTo(PipelineRequest.Kind.EXECUTE_ACTION);
  }

  @Test
  void aToolCallNamingAManualOrAdminOnlyActionStaysAToolCall() {
    PluginDescriptor d = plugin(null, action("mail_it", Approval.MANUAL), action("wipe_it", Approval.ADMIN_ONLY));

    assertThat(AutoActions.route(call("mail_it"), d).kind()).isEqualTo(PipelineRequest.Kind.INVOKE_TOOL);
    assertThat(AutoActions.route(call("wipe_it"), d).kind()).isEqualTo(PipelineRequest.Kind.INVOKE_TOOL);
  }

  @Test
  void aPluginWithoutConfigGetsItsObjectFromTheFactory() {
    assertThat(AutoActions.pluginObject(plugin(null, action("stamp_it", Approval.AUTO)), null))
        .isEqualTo("object without config");
  }

  @Test
  void aPluginWithoutAutoActionsNeedsNoObject() {
    assertThat(AutoActions.pluginObject(plugin(CONFIG, action("mail_it", Approval.MANUAL)), null)).isNull();
  }

  @Test
  void aPluginThatTakesConfigWithoutItFailsStartUpNamingTheBuilderMethod() {
    assertThatThrownBy(() -> AutoActions.pluginObject(plugin(CONFIG, action("stamp_it", Approval.AUTO)), null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("pluginConfig(new DeskConfig(")
        .hasMessageContaining("[sdk:plugin_config_missing]");
  }

  @Test
  void aPluginThatTakesConfigIsCreatedFromTheGivenConfig() {
    assertThat(AutoActions.pluginObject(plugin(CONFIG, action("stamp_it", Approval.AUTO)), new DeskConfig("B2")))
        .isEqualTo("object for B2");
  }
}
