package dev.atomemo4j.host.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.core.lifecycle.HostedPlugins;
import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.core.pipeline.ErrorCodes;
import dev.atomemo4j.core.pipeline.ErrorObjects;
import dev.atomemo4j.core.pipeline.Exchange;
import dev.atomemo4j.core.pipeline.PipelineRequest;
import dev.atomemo4j.core.pipeline.RequestFailure;
import dev.atomemo4j.core.pipeline.RequestPipeline;
import dev.atomemo4j.core.pipeline.ResultEncoder;
import dev.atomemo4j.core.pipeline.Secrets;
import dev.atomemo4j.core.tools.CredentialParameter;
import dev.atomemo4j.core.tools.GeneratedSchemas;
import dev.atomemo4j.core.tools.PluginSchemas;
import dev.atomemo4j.host.actions.ActionException;
import dev.atomemo4j.host.actions.ActionRequest;
import dev.atomemo4j.host.actions.HostActions;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.runtime.ToolContext;
import dev.atomemo4j.runtime.spi.ActionBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.ToolBinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools and actions of every hosted plugin, for an agent in the same process ({@code PluginHost.tools()}).
 *
 * <p>{@link #list()} describes each with what the processor generated (input and output JSON Schemas, the
 * definition's description). {@link #call} runs a tool through the core's {@link RequestPipeline}, as the Hub and
 * MCP front ends do: the arguments are validated and decoded by the generated shapes, the host's configured
 * credentials fill the credential parameters, and any failure becomes the JSON error object with its stable code
 * ({@code sdk:invalid_parameter} with its {@code problems}, {@code sdk:tool_not_found}, the plugin's own), every
 * credential value and {@code Secret} argument masked. Calling an action proposes it to {@link HostActions}: an
 * {@code auto} one runs at once, any other answers {@link ToolOutcome.Status#PENDING_APPROVAL} with its request id
 * and runs only once a person approves it ({@code host.actions().approve}, or the admin API).
 *
 * <p>A tool runs on the calling thread; an asynchronous tool is awaited up to its {@code @Tool} timeout.
 */
public final class HostTools {
  /** The name a model used is no tool or action of this host. */
  public static final String UNKNOWN_TOOL = ErrorCodes.TOOL_NOT_FOUND;
  /** The tool's plugin is disabled or being torn down. */
  public static final String PLUGIN_NOT_AVAILABLE = "host:plugin_not_available";
  /** A tool asked for the Hub's file storage or models, which a host has not. */
  public static final String UNSUPPORTED_HELPER = "host:unsupported_helper";
  /** The calling thread was interrupted while the tool ran. */
  public static final String INTERRUPTED = "host:interrupted";

  private static final Logger log = LoggerFactory.getLogger("atomemo4j.host.tools");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SEPARATOR = "__";

  private final HostedPlugins plugins;
  private final HostActions actions;
  private final Map<String, Map<String, JsonNode>> credentials;
  private final List<HostTool> tools;
  private final Map<String, Entry> byName;
  private final RequestPipeline pipeline;
  private final AtomicLong sequence = new AtomicLong();

  /** One listed tool with what calling it needs. */
  private record Entry(HostTool tool, ToolBinding binding, List<CredentialParameter> hidden) {}

  /**
   * @param actions the host's approval gate, or null when no plugin declares an action
   * @param credentials per plugin id, credential name → its values (the host's action credentials, shared)
   */
  public HostTools(HostedPlugins plugins, HostActions actions, Map<String, Map<String, JsonNode>> credentials) {
    this.plugins = Objects.requireNonNull(plugins, "plugins");
    this.actions = actions;
    this.credentials = Map.copyOf(credentials);
    this.pipeline = RequestPipeline.standard(HostTools::context, Runnable::run);
    List<Entry> entries = entries(plugins.all(), actions);
    Map<String, Entry> named = new LinkedHashMap<>();
    List<HostTool> listed = new ArrayList<>();
    for (Entry e : entries) {
      named.put(e.tool().name(), e);
      listed.add(e.tool());
    }
    this.byName = Map.copyOf(named);
    this.tools = List.copyOf(listed);
  }

  /** Every tool and action of every hosted plugin, in registration order, tools before actions per plugin. */
  public List<HostTool> list() {
    return tools;
  }

  /** The tool or action a model calls {@code name}. */
  public Optional<HostTool> find(String name) {
    Entry e = byName.get(name);
    return e == null ? Optional.empty() : Optional.of(e.tool());
  }

  /** {@link #call(String, JsonNode, String)} with the arguments as a model sends them, as JSON text. */
  public ToolOutcome call(String name, String argumentsJson, String caller) {
    JsonNode arguments;
    try {
      arguments = argumentsJson == null || argumentsJson.isBlank() ? JSON.createObjectNode()
          : JSON.readTree(argumentsJson);
    } catch (JsonProcessingException e) {
      // Not e.getMessage(): Jackson quotes the text, which may hold a secret argument.
      return failure(ErrorCodes.INVALID_PARAMETER, "the arguments of `" + name + "` are not valid JSON",
          Optional.empty());
    }
    return call(name, arguments, caller);
  }

  /**
   * Calls the tool a model calls {@code name} (see {@link HostTool#name()}), or proposes the action of that name.
   * Never throws for anything the model or the plugin did: every failure is a {@link ToolOutcome} with its code.
   *
   * @param caller who asks (the agent, or the user it acts for): an action's requester; logged for tools
   */
  public ToolOutcome call(String name, JsonNode arguments, String caller) {
    Entry e = byName.get(name);
    if (e == null) {
      return failure(UNKNOWN_TOOL, "this host has no tool `" + shortened(name) + "`; it has: "
          + tools.stream().map(HostTool::name).collect(Collectors.joining(", ")), Optional.empty());
    }
    return e.tool().kind() == HostTool.Kind.ACTION ? propose(e.tool(), arguments, caller)
        : invoke(e, arguments, caller);
  }

  /** Calls {@code toolName} of {@code pluginId} (the plugin's own names, whatever the model-facing name is). */
  public ToolOutcome call(String pluginId, String toolName, JsonNode arguments, String caller) {
    for (HostTool t : tools) {
      if (t.pluginId().equals(pluginId) && t.toolName().equals(toolName)) {
        return call(t.name(), arguments, caller);
      }
    }
    return failure(UNKNOWN_TOOL, "plugin `" + shortened(pluginId) + "` on this host has no tool or action `"
        + shortened(toolName) + "`", Optional.empty());
  }

  /**
   * Where a proposed action stands now, as a model would read it: still pending, or its result or failure once
   * a person decided. For an agent that checks back on a request it proposed.
   */
  public ToolOutcome actionOutcome(String requestId) {
    if (actions == null) {
      return failure(ActionException.NOT_FOUND, "no action request " + shortened(requestId), Optional.empty());
    }
    Optional<ActionRequest> r = actions.request(requestId);
    return r.isEmpty() ? failure(ActionException.NOT_FOUND, "no action request " + shortened(requestId),
        Optional.empty()) : outcome(r.get());
  }

  // ---- tools

  private ToolOutcome invoke(Entry e, JsonNode arguments, String caller) {
    HostTool tool = e.tool();
    PluginInstance plugin = plugins.get(tool.pluginId());
    if (!plugin.enabled() || plugin.status() == PluginStatus.TEARDOWN) {
      return failure(PLUGIN_NOT_AVAILABLE, "plugin `" + tool.pluginId() + "` is "
          + (plugin.enabled() ? "being torn down" : "disabled") + ", so its tool `" + tool.toolName()
          + "` cannot run", Optional.empty());
    }
    String requestId = "host-tool-" + sequence.incrementAndGet();
    JsonNode parameters = arguments == null ? JSON.createObjectNode() : arguments.deepCopy();
    ObjectNode credentialValues = JSON.createObjectNode();
    Map<String, JsonNode> configured = credentials.getOrDefault(tool.pluginId(), Map.of());
    for (CredentialParameter c : e.hidden()) {
      if (!(parameters instanceof ObjectNode p)) {
        break;
      }
      JsonNode values = configured.get(c.credential());
      if (values != null && values.isObject()) {
        p.put(c.parameter(), c.credential()); // the instance id: one configured instance per credential
        credentialValues.set(c.credential(), values);
      } else {
        p.remove(c.parameter()); // a model must not pick an instance the host does not hold
        if (c.required()) {
          return failure(ErrorCodes.CREDENTIAL_MISSING, "tool `" + tool.toolName() + "` needs credential `"
              + c.credential() + "`, which this host was not given (ActionSettings.withCredentials)",
              Optional.empty());
        }
      }
    }
    Secrets.Builder secretsBuilder = Secrets.builder().allStringsOf(credentialValues);
    for (String parameter : Secrets.secretParameters(e.binding())) {
      secretsBuilder.allStringsOf(parameters.get(parameter));
    }
    Secrets secrets = secretsBuilder.build();
    PluginDescriptor descriptor = plugin.descriptor();
    Exchange exchange = new Exchange(PipelineRequest.invokeTool(requestId, tool.toolName(), parameters,
        credentialValues, Optional.empty()), descriptor, secrets);
    CompletableFuture<Void> run = pipeline.run(exchange);
    try {
      Duration timeout = e.binding().timeout();
      if (timeout != null && !timeout.isZero() && !timeout.isNegative()) {
        run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } else {
        run.get();
      }
      JsonNode result = ResultEncoder.encode(exchange);
      log.debug("tool call {} ({} of {}) by {} succeeded", requestId, tool.toolName(), tool.pluginId(), caller);
      return ToolOutcome.succeeded(result.isTextual() ? result.textValue() : result.toString(), Optional.empty());
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      stop(exchange, run);
      return failure(INTERRUPTED, "interrupted while tool `" + tool.toolName() + "` ran", Optional.empty());
    } catch (TimeoutException te) {
      stop(exchange, run);
      return failure(ErrorCodes.TIMEOUT, "tool `" + tool.toolName() + "` timed out after "
          + e.binding().timeout(), Optional.empty());
    } catch (ExecutionException ee) {
      return failed(tool, requestId, ee.getCause(), secrets, caller);
    } catch (RequestFailure rf) {
      return failed(tool, requestId, rf, secrets, caller);
    }
  }

  private ToolOutcome failed(HostTool tool, String requestId, Throwable failure, Secrets secrets, String caller) {
    ObjectNode error = ErrorObjects.of(failure, secrets, false);
    String code = error.path("code").asText();
    if (ErrorCodes.EXCEPTION.equals(code)) {
      log.warn("tool call {} ({} of {}) by {} failed: the plugin threw {}: {}", requestId, tool.toolName(),
          tool.pluginId(), caller, ErrorObjects.unwrap(failure).getClass().getName(), error.path("message").asText());
    } else {
      log.info("tool call {} ({} of {}) by {} answered {}", requestId, tool.toolName(), tool.pluginId(), caller,
          code);
    }
    return ToolOutcome.failed(code, error.toString(), Optional.empty());
  }

  private static void stop(Exchange exchange, CompletableFuture<Void> run) {
    CompletionStage<?> pending = exchange.pendingResult();
    if (pending != null) {
      try {
        pending.toCompletableFuture().cancel(true);
      } catch (UnsupportedOperationException e) {
        // a CompletionStage that cannot be cancelled from outside: the run below still ends
      }
    }
    run.cancel(true);
  }

  // ---- actions

  private ToolOutcome propose(HostTool tool, JsonNode arguments, String caller) {
    if (actions == null) {
      return failure(ErrorCodes.APPROVAL_REQUIRED, "`" + tool.toolName() + "` is an action, and this host has no "
          + "action store to propose it to", Optional.empty());
    }
    try {
      return outcome(actions.propose(tool.pluginId(), tool.toolName(), arguments, caller));
    } catch (ActionException e) {
      return failure(e.code(), e.getMessage(), Optional.empty());
    }
  }

  private static ToolOutcome outcome(ActionRequest r) {
    Optional<String> id = Optional.of(r.id());
    switch (r.state()) {
      case SUCCEEDED:
        return ToolOutcome.succeeded(r.result() == null ? "null" : resultText(r.result()), id);
      case FAILED:
      case INTERRUPTED:
      case DENIED:
      case EXPIRED: {
        String error = r.error();
        int colon = error == null ? -1 : error.indexOf(": ");
        String code = r.state() == ActionState.FAILED && colon > 0
            ? error.substring(0, colon) : "action:" + r.state().wireName();
        String message = r.state() == ActionState.FAILED && colon > 0
            ? error.substring(colon + 2) : "action request " + r.id() + " of `" + r.action() + "` was "
                + r.state().wireName() + (r.decidedBy() == null ? "" : " by " + r.decidedBy()) + "; it did not run";
        ObjectNode e = ErrorObjects.error(code, message);
        e.put("request_id", r.id());
        e.put("state", r.state().wireName());
        return ToolOutcome.failed(code, e.toString(), id);
      }
      default: {
        ObjectNode pending = JSON.createObjectNode();
        pending.put("state", r.state().wireName());
        pending.put("request_id", r.id());
        pending.put("plugin", r.pluginId());
        pending.put("action", r.action());
        pending.put("approval", r.mode().wireName());
        pending.put("summary", r.summary());
        pending.put("message", "Proposed, not run: `" + r.action() + "` runs only after a person approves request "
            + r.id() + " on the host (" + r.mode().wireName() + " approval). Tell the user it waits for approval;"
            + " do not call it again for the same request.");
        return ToolOutcome.pending(pending.toString(), r.id());
      }
    }
  }

  /** A stored result is JSON text; a string result reads as the string itself, as a tool's does. */
  private static String resultText(String storedJson) {
    try {
      JsonNode n = JSON.readTree(storedJson);
      return n.isTextual() ? n.textValue() : storedJson;
    } catch (JsonProcessingException e) {
      return storedJson;
    }
  }

  // ---- the list

  private static List<Entry> entries(List<PluginInstance> hosted, HostActions actions) {
    List<Entry> raw = new ArrayList<>();
    Map<String, Integer> counts = new HashMap<>();
    for (PluginInstance plugin : hosted) {
      PluginDescriptor d = plugin.descriptor();
      PluginSchemas schemas = PluginSchemas.read(d);
      Map<String, JsonNode> defined = new HashMap<>();
      if (!d.tools().isEmpty()) { // a plugin without tools may have no definition.json at all (Atlas-only)
        for (JsonNode t : GeneratedSchemas.definition(d).path("tools")) {
          defined.put(t.path("name").asText(), t);
        }
      }
      for (ToolBinding b : d.tools()) {
        List<CredentialParameter> hidden = GeneratedSchemas.credentialParameters(b.input());
        String description = GeneratedSchemas.english(defined.getOrDefault(b.name(), JSON.createObjectNode())
            .get("description")).orElse("");
        raw.add(new Entry(new HostTool(b.name(), plugin.id(), b.name(), HostTool.Kind.TOOL, description,
            GeneratedSchemas.input(schemas, b.inputSchemaResource(), hidden).toString(),
            GeneratedSchemas.output(schemas, b.inputSchemaResource()).map(JsonNode::toString), null), b, hidden));
        counts.merge(b.name(), 1, Integer::sum);
      }
      for (ActionBinding a : d.atlas().actions()) {
        Approval mode = actions == null ? a.approval() : actions.effectiveMode(plugin.id(), a);
        raw.add(new Entry(new HostTool(a.name(), plugin.id(), a.name(), HostTool.Kind.ACTION,
            a.description() == null ? "" : a.description(),
            GeneratedSchemas.input(schemas, a.inputSchemaResource(), List.of()).toString(),
            GeneratedSchemas.output(schemas, a.inputSchemaResource()).map(JsonNode::toString), mode), null, List.of()));
        counts.merge(a.name(), 1, Integer::sum);
      }
    }
    // A name two plugins share is qualified by the plugin id, for both: a model must not reach the wrong one.
    List<Entry> out = new ArrayList<>();
    for (Entry e : raw) {
      HostTool t = e.tool();
      if (counts.get(t.toolName()) > 1) {
        t = new HostTool(t.pluginId() + SEPARATOR + t.toolName(), t.pluginId(), t.toolName(), t.kind(),
            t.description(), t.inputSchema(), t.outputSchema(), t.approval());
      }
      out.add(new Entry(t, e.binding(), e.hidden()));
    }
    return out;
  }

  private static ToolContext context(Exchange ex) {
    return new HostToolContext(ex.requestId());
  }

  private static ToolOutcome failure(String code, String message, Optional<String> requestId) {
    return ToolOutcome.failed(code, ErrorObjects.error(code, message).toString(), requestId);
  }

  /** A name a model sent, cut for a message. */
  private static String shortened(String s) {
    if (s == null) {
      return "null";
    }
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
  }
}
