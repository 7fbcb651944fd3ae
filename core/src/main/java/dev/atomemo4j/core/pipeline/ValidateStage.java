package dev.atomemo4j.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.runtime.CredentialRequest;
import dev.atomemo4j.runtime.LocatorRequest;
import dev.atomemo4j.runtime.MappingRequest;
import dev.atomemo4j.runtime.OAuth2AuthorizeRequest;
import dev.atomemo4j.runtime.OAuth2RefreshRequest;
import dev.atomemo4j.runtime.OAuth2TokenRequest;
import dev.atomemo4j.runtime.ToolContext;
import dev.atomemo4j.runtime.spi.CredentialBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.ToolBinding;
import dev.atomemo4j.runtime.spi.ActionBinding;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link RequestPipeline.Phase#VALIDATE}: resolves what the request addresses (tool, credential, callback, method)
 * and decodes parameters and credential values through the generated shapes, so that the plugin's code only ever
 * runs with valid, typed input. Sets {@link Exchange#input()} (and, for credential callbacks, {@link
 * Exchange#credentialRecord()}). The request's own form was checked by the front end that built the {@link
 * PipelineRequest}: this stage reads no wire member.
 */
public final class ValidateStage implements Stage {

  private final Function<Exchange, ToolContext> contexts;

  /** @param contexts builds the {@link ToolContext} a tool receives, once its input is valid */
  public ValidateStage(Function<Exchange, ToolContext> contexts) {
    this.contexts = Objects.requireNonNull(contexts, "contexts");
  }

  @Override
  public CompletionStage<?> apply(Exchange ex) throws RequestFailure {
    PipelineRequest r = ex.request();
    switch (r.kind()) {
      case INVOKE_TOOL -> invokeTool(ex);
      case CREDENTIAL_AUTHENTICATE -> {
        CredentialBinding c = credential(ex, CredentialBinding::authenticate,
            ErrorCodes.INVALID_CREDENTIAL_AUTHENTICATE,
            "does not implement authenticate, so it cannot give an auth spec");
        ex.input(new CredentialRequest(r.extra(), r.organizationId()));
        ex.credential(c);
      }
      case OAUTH2_AUTHORIZE_URL -> {
        CredentialBinding c = credential(ex, CredentialBinding::oauth2AuthorizeUrl, ErrorCodes.METHOD_NOT_SUPPORTED,
            "does not implement OAuth2 (no authorize URL method)");
        ex.input(new OAuth2AuthorizeRequest(r.redirectUri(), r.state()));
        ex.credential(c);
      }
      case OAUTH2_GET_TOKEN -> {
        CredentialBinding c = credential(ex, CredentialBinding::oauth2GetToken, ErrorCodes.METHOD_NOT_SUPPORTED,
            "does not implement OAuth2 (no token exchange method)");
        ex.input(new OAuth2TokenRequest(r.code(), r.redirectUri()));
        ex.credential(c);
      }
      case OAUTH2_REFRESH_TOKEN -> {
        CredentialBinding c = credential(ex, CredentialBinding::oauth2RefreshToken, ErrorCodes.METHOD_NOT_SUPPORTED,
            "does not implement OAuth2 token refresh");
        ex.input(new OAuth2RefreshRequest(r.organizationId()));
        ex.credential(c);
      }
      case LOCATOR_LIST -> {
        ToolBinding tool = tool(ex);
        method(ex, tool, tool.locatorLists(), "locator list");
        ex.input(new LocatorRequest(tool.name(), r.method(), r.filter(), r.paginationToken(), r.parameters(),
            r.credentials(), r.organizationId()));
      }
      case RESOURCE_MAPPING -> {
        ToolBinding tool = tool(ex);
        method(ex, tool, tool.resourceMappings(), "resource mapping");
        ex.input(new MappingRequest(tool.name(), r.method(), r.parameters(), r.credentials(), r.organizationId()));
      }
      case EXECUTE_ACTION -> executeAction(ex);
      default -> throw new IllegalStateException("unhandled request kind " + r.kind());
    }
    return null;
  }

  private void invokeTool(Exchange ex) throws RequestFailure {
    ToolBinding tool = tool(ex);
    PipelineRequest r = ex.request();
    Object input = Codec.decodeParameters(tool.input(), r.parameters(), r.credentials(), ex.descriptor(),
        "tool `" + tool.name() + "`", ex.secrets());
    ex.input(input);
    ex.toolContext(contexts.apply(ex));
  }

  private void executeAction(Exchange ex) throws RequestFailure {
    PipelineRequest r = ex.request();
    PluginDescriptor d = ex.descriptor();
    ActionBinding action = d.atlas().action(r.toolName()).orElseThrow(() -> new RequestFailure(
        ErrorCodes.ACTION_NOT_FOUND, "plugin `" + d.name() + "` has no action `" + r.toolName() + "`"
            + available("actions", d.atlas().actions().stream().map(ActionBinding::name)
                .collect(Collectors.joining(", ")))));
    List<String> missing = missingCredentials(action, r.credentials());
    if (!missing.isEmpty()) {
      throw new RequestFailure(ErrorCodes.CREDENTIAL_MISSING, "action `" + action.name() + "` requires the "
          + "credential(s) " + String.join(", ", missing) + ", which were not supplied",
          Map.of("missing", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
              .addAll(missing.stream().map(com.fasterxml.jackson.databind.node.TextNode::valueOf).toList())));
    }
    ex.attributes().put(InvokeStage.ACTION, action);
    ex.input(Codec.decodeParameters(action.input(), r.parameters(), r.credentials(), d,
        "action `" + action.name() + "`", ex.secrets()));
    ex.toolContext(contexts.apply(ex));
  }

  /** The action's required credentials that {@code credentials} (name → values) does not hold. */
  public static List<String> missingCredentials(ActionBinding action, JsonNode credentials) {
    return action.credentials().stream()
        .filter(c -> credentials == null || !credentials.path(c).isObject())
        .toList();
  }

  private static ToolBinding tool(Exchange ex) throws RequestFailure {
    String name = ex.request().toolName();
    PluginDescriptor d = ex.descriptor();
    Optional<ToolBinding> tool = d.tool(name);
    if (tool.isEmpty() && d.atlas().action(name).isPresent()) {
      // Defence in depth: an action is never a tool, whatever a caller claims; it runs only after its approval.
      throw new RequestFailure(ErrorCodes.APPROVAL_REQUIRED, "`" + name + "` is an action of plugin `" + d.name()
          + "`: it runs only through a host's approval gate, never as a tool call");
    }
    if (tool.isEmpty()) {
      throw new RequestFailure(ErrorCodes.TOOL_NOT_FOUND, "plugin `" + d.name() + "` has no tool `" + echo(name) + "`"
          + available("tools", d.tools().stream().map(ToolBinding::name).collect(Collectors.joining(", "))));
    }
    ex.tool(tool.get());
    return tool.get();
  }

  private static void method(Exchange ex, ToolBinding tool, Map<String, ToolBinding.Handler> methods, String what)
      throws RequestFailure {
    String method = ex.request().method();
    ToolBinding.Handler handler = methods.get(method);
    if (handler == null) {
      throw new RequestFailure(ErrorCodes.METHOD_NOT_SUPPORTED, "tool `" + tool.name() + "` has no " + what
          + " method `" + echo(method) + "`" + available("methods", String.join(", ", methods.keySet().stream()
              .sorted().toList())));
    }
    ex.attributes().put(InvokeStage.HANDLER, handler);
  }

  private static CredentialBinding credential(Exchange ex, Function<CredentialBinding, Object> callback,
      String missingCode, String missingText) throws RequestFailure {
    String name = ex.request().credentialName();
    PluginDescriptor d = ex.descriptor();
    Optional<CredentialBinding> found = d.credential(name);
    if (found.isEmpty()) {
      throw new RequestFailure(ErrorCodes.CREDENTIAL_NOT_FOUND, "plugin `" + d.name() + "` has no credential `"
          + echo(name) + "`" + available("credentials",
              d.credentials().stream().map(CredentialBinding::name).collect(Collectors.joining(", "))));
    }
    CredentialBinding c = found.get();
    if (callback.apply(c) == null) {
      throw new RequestFailure(missingCode, "credential `" + name + "` " + missingText);
    }
    ex.credentialRecord(Codec.decodeCredential(c, ex.request().credentialValues(), ex.secrets()));
    return c;
  }

  /**
   * A name the front end received, for an error message: control characters escaped and cut to 100 characters, so a
   * 3 MiB {@code tool_name} cannot become a 3 MiB message (or forge log lines where the message is logged).
   */
  private static String echo(String s) {
    StringBuilder out = new StringBuilder();
    int n = Math.min(s.length(), 100);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return n < s.length() ? out.append("…(").append(s.length()).append(" chars)").toString() : out.toString();
  }

  private static String available(String what, String names) {
    return names.isEmpty() ? "; it has no " + what : "; it has: " + names;
  }
}
