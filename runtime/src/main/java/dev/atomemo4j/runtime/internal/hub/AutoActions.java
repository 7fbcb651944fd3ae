package dev.atomemo4j.runtime.internal.hub;

import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.core.lifecycle.ConfigInput;
import dev.atomemo4j.core.lifecycle.ConfigValidator;
import dev.atomemo4j.core.lifecycle.InvalidConfigException;
import dev.atomemo4j.core.lifecycle.PluginSpec;
import dev.atomemo4j.core.pipeline.ApprovalStage;
import dev.atomemo4j.core.pipeline.Exchange;
import dev.atomemo4j.core.pipeline.InvokeStage;
import dev.atomemo4j.core.pipeline.PipelineRequest;
import dev.atomemo4j.runtime.Atomemo4jException;
import dev.atomemo4j.runtime.ConfigException;
import dev.atomemo4j.runtime.spi.ActionBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * {@code auto} actions on the Hub (issue 13, "Other front ends"): the one mode that needs no person, so the
 * processor lists such an action among definition.json's tools and the Hub calls it as a tool. Here a tool call
 * naming one becomes an action execution, which the pipeline's APPROVAL stage lets through because the declared
 * mode is {@code auto}; any other action named in a tool call stays a tool call, which the core refuses
 * ({@code sdk:approval_required}) as defence in depth. There is no approval store on the Hub: each call is one
 * execution, and the Hub's own request log is its record.
 *
 * <p>An action runs on the plugin object, created here once with the plugin's factory: from no config, or from the
 * config the application gave ({@code Atomemo4j.builder().pluginConfig(…)}), validated as a host validates it.
 * The Hub front end runs no lifecycle ({@code @Initialize}, {@code @Teardown}): a plugin that needs it runs its
 * actions in a PluginHost.
 */
final class AutoActions {

  private AutoActions() {}

  /** Whether the descriptor declares an action the Hub serves. */
  static boolean any(PluginDescriptor d) {
    return d.atlas().actions().stream().anyMatch(a -> a.approval() == Approval.AUTO);
  }

  /** A tool call that names an {@code auto} action (and no tool) becomes its execution; others pass unchanged. */
  static PipelineRequest route(PipelineRequest r, PluginDescriptor d) {
    if (r.kind() != PipelineRequest.Kind.INVOKE_TOOL || d.tool(r.toolName()).isPresent()) {
      return r;
    }
    Optional<ActionBinding> action = d.atlas().action(r.toolName());
    if (action.isEmpty() || action.get().approval() != Approval.AUTO) {
      return r;
    }
    return PipelineRequest.executeAction(r.requestId(), r.toolName(), r.parameters(), r.credentials(),
        r.organizationId());
  }

  /**
   * The APPROVAL stage of the Hub's pipeline: an execution passes only for an action declared {@code auto}, and
   * gets the plugin object it runs on.
   */
  static ApprovalStage stage(PluginDescriptor d, Object pluginObject) {
    return new ApprovalStage((Exchange ex) -> {
      boolean auto = pluginObject != null && d.atlas().action(ex.request().toolName())
          .map(a -> a.approval() == Approval.AUTO).orElse(false);
      if (auto) {
        ex.attributes().put(InvokeStage.PLUGIN_OBJECT, pluginObject);
      }
      return auto;
    });
  }

  /**
   * The object auto actions run on: null when the plugin has none; else created from {@code config} (null when
   * the application gave none).
   *
   * @throws ConfigException the plugin takes config and none was given, or the config breaks its constraints
   */
  static Object pluginObject(PluginDescriptor d, Object config) {
    if (!any(d)) {
      return null;
    }
    Object validated = null;
    if (d.atlas().config() != null) {
      if (config == null) {
        throw new ConfigException(List.of("plugin `" + d.name() + "` serves auto action(s) to the Hub, which run on "
            + "the plugin object, and its constructor takes a " + d.atlas().config().type().getSimpleName()
            + "; give it with Atomemo4j.builder().pluginConfig(new " + d.atlas().config().type().getSimpleName()
            + "(…)) [sdk:plugin_config_missing]"));
      }
      try {
        validated = ConfigValidator.validate(List.of(PluginSpec.of(d, ConfigInput.typed(config)))).get(0).config();
      } catch (InvalidConfigException e) {
        throw new ConfigException(List.of(e.getMessage()));
      }
    }
    try {
      return d.atlas().factory().create(validated);
    } catch (Exception e) {
      throw new Atomemo4jException("plugin `" + d.name() + "` could not be created for its auto actions: " + e, e);
    }
  }
}
