package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link RequestPipeline.Phase#VALIDATE}: checks the request's members, resolves what it addresses (tool,
 * credential, callback, method) and decodes parameters and credential values through the generated shapes, so
 * that the plugin's code only ever runs with valid, typed input. Sets {@link Exchange#input()} (and, for
 * credential callbacks, {@link Exchange#credentialRecord()}).
 */
final class ValidateStage implements Stage {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Function<Exchange, ToolContext> contexts;

  /** @param contexts builds the {@link ToolContext} a tool receives */
  ValidateStage(Function<Exchange, ToolContext> contexts) {
    this.contexts = contexts;
  }

  @Override
  public CompletionStage<?> apply(Exchange ex) throws RequestFailure {
    switch (ex.kind()) {
      case INVOKE_TOOL -> invokeTool(ex);
      case CREDENTIAL_AUTH_SPEC -> {
        CredentialBinding c = credential(ex, CredentialBinding::authenticate, ErrorCodes.INVALID_CREDENTIAL_AUTHENTICATE,
            "does not implement authenticate, so it cannot give an auth spec");
        JsonNode extra = optionalObject(ex, "extra");
        ex.input(new CredentialRequest(extra == null ? NODES.objectNode() : extra, ex.organizationId()));
        ex.credential(c);
      }
      case OAUTH2_BUILD_AUTHORIZE_URL -> {
        CredentialBinding c = credential(ex, CredentialBinding::oauth2AuthorizeUrl, ErrorCodes.METHOD_NOT_SUPPORTED,
            "does not implement OAuth2 (no authorize URL method)");
        ex.input(new OAuth2AuthorizeRequest(requiredString(ex, "redirect_uri"), requiredString(ex, "state")));
        ex.credential(c);
      }
      case OAUTH2_GET_TOKEN -> {
        CredentialBinding c = credential(ex, CredentialBinding::oauth2GetToken, ErrorCodes.METHOD_NOT_SUPPORTED,
            "does not implement OAuth2 (no token exchange method)");
        ex.input(new OAuth2TokenRequest(requiredString(ex, "code"), requiredString(ex, "redirect_uri")));
        ex.credential(c);
      }
      case OAUTH2_REFRESH_TOKEN -> {
        CredentialBinding c = credential(ex, CredentialBinding::oauth2RefreshToken, ErrorCodes.METHOD_NOT_SUPPORTED,
            "does not implement OAuth2 token refresh");
        ex.input(new OAuth2RefreshRequest(ex.organizationId()));
        ex.credential(c);
      }
      case LOCATOR_LIST -> {
        ToolBinding tool = tool(ex);
        String method = requiredString(ex, "method");
        method(ex, tool, tool.locatorLists(), method, "locator list");
        ex.input(new LocatorRequest(tool.name(), method, Optional.ofNullable(optionalString(ex, "filter")),
            Optional.ofNullable(optionalString(ex, "pagination_token")), objectOrEmpty(ex, "parameters"),
            objectOrEmpty(ex, "credentials"), ex.organizationId()));
      }
      case RESOURCE_MAPPING -> {
        ToolBinding tool = tool(ex);
        String method = requiredString(ex, "method");
        method(ex, tool, tool.resourceMappings(), method, "resource mapping");
        ex.input(new MappingRequest(tool.name(), method, objectOrEmpty(ex, "parameters"),
            objectOrEmpty(ex, "credentials"), ex.organizationId()));
      }
      default -> throw new IllegalStateException("unhandled request kind " + ex.kind());
    }
    return null;
  }

  private void invokeTool(Exchange ex) throws RequestFailure {
    ToolBinding tool = tool(ex);
    JsonNode credentials = optionalObject(ex, "credentials");
    JsonNode parameters = ex.payload().get("parameters");
    Object input = Codec.decodeParameters(tool.input(), parameters, credentials, ex.descriptor(),
        "tool `" + tool.name() + "`", ex.secrets());
    ex.input(input);
    ex.toolContext(contexts.apply(ex));
  }

  // --- resolution -------------------------------------------------------------------------------------------------

  private static ToolBinding tool(Exchange ex) throws RequestFailure {
    String name = requiredString(ex, "tool_name");
    PluginDescriptor d = ex.descriptor();
    Optional<ToolBinding> tool = d.tool(name);
    if (tool.isEmpty()) {
      throw new RequestFailure(ErrorCodes.TOOL_NOT_FOUND, "plugin `" + d.name() + "` has no tool `" + echo(name) + "`"
          + available("tools", d.tools().stream().map(ToolBinding::name).collect(Collectors.joining(", "))));
    }
    ex.tool(tool.get());
    return tool.get();
  }

  private static void method(Exchange ex, ToolBinding tool, Map<String, ToolBinding.Handler> methods, String method,
      String what) throws RequestFailure {
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
    String name = requiredString(ex, "credential_name");
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
    JsonNode values = ex.payload().get("credential");
    if (values != null && !values.isNull() && !values.isObject()) {
      throw invalid(ex, "credential", "an object");
    }
    ex.credentialRecord(Codec.decodeCredential(c, values, ex.secrets()));
    return c;
  }

  /**
   * A name the Hub sent, for an error message: control characters escaped and cut to 100 characters, so a 3 MiB
   * {@code tool_name} cannot become a 3 MiB message (or forge log lines where the message is logged).
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

  // --- members ----------------------------------------------------------------------------------------------------

  static String requiredString(Exchange ex, String member) throws RequestFailure {
    JsonNode v = ex.payload().get(member);
    if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
      throw invalid(ex, member, "a non-empty string");
    }
    return v.textValue();
  }

  private static String optionalString(Exchange ex, String member) throws RequestFailure {
    JsonNode v = ex.payload().get(member);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw invalid(ex, member, "a string or null");
    }
    return v.textValue();
  }

  private static JsonNode optionalObject(Exchange ex, String member) throws RequestFailure {
    JsonNode v = ex.payload().get(member);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw invalid(ex, member, "an object");
    }
    return v;
  }

  private static JsonNode objectOrEmpty(Exchange ex, String member) throws RequestFailure {
    JsonNode v = optionalObject(ex, member);
    return v == null ? NODES.objectNode() : v;
  }

  private static RequestFailure invalid(Exchange ex, String member, String expected) {
    JsonNode v = ex.payload().get(member);
    String got = v == null ? "it is missing" : "got " + kind(v);
    return new RequestFailure(ErrorCodes.INVALID_REQUEST, "`" + ex.kind().event() + "` needs `" + member + "` as "
        + expected + ", but " + got, Map.of("member", NODES.textNode(member)));
  }

  private static String kind(JsonNode v) {
    if (v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      return v.textValue().isEmpty() ? "an empty string" : "a string";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    return v.isArray() ? "an array" : "an object";
  }
}
