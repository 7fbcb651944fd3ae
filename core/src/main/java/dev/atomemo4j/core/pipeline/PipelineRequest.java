package dev.atomemo4j.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to a plugin, in no front end's wire format: what a front end (the Hub socket, an in-process host, an
 * MCP server) builds from what it received, after checking its own wire members, and hands to the {@link
 * RequestPipeline}. Which components are set depends on the {@link Kind}; build one with the factory of its kind.
 * For front ends, not for plugin authors.
 *
 * <p>JSON components are read, never copied or changed: a front end must not mutate them while the request runs.
 *
 * @param kind what the plugin is asked to do
 * @param requestId the front end's id of this request, unique among the requests in flight; used in logs and
 *     given to the tool's {@code ToolContext}
 * @param toolName the addressed tool ({@link Kind#INVOKE_TOOL}, {@link Kind#LOCATOR_LIST},
 *     {@link Kind#RESOURCE_MAPPING}); null otherwise
 * @param parameters the tool's parameters as received: for {@link Kind#INVOKE_TOOL} any JSON or null (anything but
 *     an object, or null, is reported by the decoder as invalid parameters); for the locator and mapping kinds an
 *     object; null otherwise
 * @param credentials credential instance id → that instance's values, an object (empty when none were sent), for
 *     the tool kinds; null otherwise
 * @param credentialName the addressed credential (the four credential callbacks); null otherwise
 * @param credentialValues the stored values of that credential, an object (empty when none were sent), for the
 *     credential callbacks; null otherwise
 * @param method the locator-list or resource-mapping method; null otherwise
 * @param filter the locator list's filter, when one was given
 * @param paginationToken the locator list's page token, when one was given
 * @param extra {@link Kind#CREDENTIAL_AUTHENTICATE}'s extra input, an object (empty when none was sent); null
 *     otherwise
 * @param redirectUri the OAuth2 redirect URI ({@link Kind#OAUTH2_AUTHORIZE_URL}, {@link Kind#OAUTH2_GET_TOKEN})
 * @param state the OAuth2 state ({@link Kind#OAUTH2_AUTHORIZE_URL})
 * @param code the OAuth2 authorization code ({@link Kind#OAUTH2_GET_TOKEN})
 * @param organizationId the organization the request is made for, when the front end knows it
 */
public record PipelineRequest(
    Kind kind,
    String requestId,
    String toolName,
    JsonNode parameters,
    JsonNode credentials,
    String credentialName,
    JsonNode credentialValues,
    String method,
    Optional<String> filter,
    Optional<String> paginationToken,
    JsonNode extra,
    String redirectUri,
    String state,
    String code,
    Optional<String> organizationId) {

  /** What a request asks the plugin to do; each calls one kind of generated binding. */
  public enum Kind {
    /** Call a tool with parameters. */
    INVOKE_TOOL,
    /** Ask a credential for the auth spec of a model provider ({@code authenticate}). */
    CREDENTIAL_AUTHENTICATE,
    /** Ask an OAuth2 credential for its authorize URL. */
    OAUTH2_AUTHORIZE_URL,
    /** Exchange an OAuth2 authorization code for tokens. */
    OAUTH2_GET_TOKEN,
    /** Refresh an OAuth2 credential's tokens. */
    OAUTH2_REFRESH_TOKEN,
    /** List the choices of a tool parameter's locator method. */
    LOCATOR_LIST,
    /** Describe the fields of a resource through a tool's resource-mapping method. */
    RESOURCE_MAPPING,
    /**
     * Run an approved {@code @Action} ({@code toolName} is the action's name); refused unless the pipeline has an
     * {@link ApprovalStage} that claims the stored request.
     */
    EXECUTE_ACTION;

    /** True for the kinds addressed to a credential rather than a tool. */
    public boolean isCredentialCallback() {
      return this == CREDENTIAL_AUTHENTICATE || this == OAUTH2_AUTHORIZE_URL || this == OAUTH2_GET_TOKEN
          || this == OAUTH2_REFRESH_TOKEN;
    }
  }

  public PipelineRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(paginationToken, "paginationToken");
    Objects.requireNonNull(organizationId, "organizationId");
    if (kind.isCredentialCallback()) {
      required(credentialName, "credentialName", kind);
      required(credentialValues, "credentialValues", kind);
    } else {
      required(toolName, "toolName", kind);
      required(credentials, "credentials", kind);
      if (!credentials.isObject()) {
        throw new IllegalArgumentException("credentials must be an object node, got " + credentials.getNodeType());
      }
    }
    switch (kind) {
      case CREDENTIAL_AUTHENTICATE -> required(extra, "extra", kind);
      case OAUTH2_AUTHORIZE_URL -> {
        required(redirectUri, "redirectUri", kind);
        required(state, "state", kind);
      }
      case OAUTH2_GET_TOKEN -> {
        required(code, "code", kind);
        required(redirectUri, "redirectUri", kind);
      }
      case LOCATOR_LIST, RESOURCE_MAPPING -> {
        required(method, "method", kind);
        required(parameters, "parameters", kind);
      }
      default -> {
        // INVOKE_TOOL's parameters may be anything (the decoder reports it); the refresh needs nothing more.
      }
    }
  }

  /** A tool call; {@code parameters} as received, {@code credentials} null when none were sent. */
  public static PipelineRequest invokeTool(String requestId, String toolName, JsonNode parameters,
      JsonNode credentials, Optional<String> organizationId) {
    return new PipelineRequest(Kind.INVOKE_TOOL, requestId, toolName, parameters, orEmpty(credentials), null, null,
        null, Optional.empty(), Optional.empty(), null, null, null, null, organizationId);
  }

  /** A credential's {@code authenticate}; null {@code values} or {@code extra} mean none were sent. */
  public static PipelineRequest credentialAuthenticate(String requestId, String credentialName, JsonNode values,
      JsonNode extra, Optional<String> organizationId) {
    return new PipelineRequest(Kind.CREDENTIAL_AUTHENTICATE, requestId, null, null, null, credentialName,
        orEmpty(values), null, Optional.empty(), Optional.empty(), orEmpty(extra), null, null, null, organizationId);
  }

  /** An OAuth2 credential's authorize URL. */
  public static PipelineRequest oauth2AuthorizeUrl(String requestId, String credentialName, JsonNode values,
      String redirectUri, String state, Optional<String> organizationId) {
    return new PipelineRequest(Kind.OAUTH2_AUTHORIZE_URL, requestId, null, null, null, credentialName,
        orEmpty(values), null, Optional.empty(), Optional.empty(), null, redirectUri, state, null, organizationId);
  }

  /** An OAuth2 code exchange. */
  public static PipelineRequest oauth2GetToken(String requestId, String credentialName, JsonNode values,
      String code, String redirectUri, Optional<String> organizationId) {
    return new PipelineRequest(Kind.OAUTH2_GET_TOKEN, requestId, null, null, null, credentialName, orEmpty(values),
        null, Optional.empty(), Optional.empty(), null, redirectUri, null, code, organizationId);
  }

  /** An OAuth2 token refresh. */
  public static PipelineRequest oauth2RefreshToken(String requestId, String credentialName, JsonNode values,
      Optional<String> organizationId) {
    return new PipelineRequest(Kind.OAUTH2_REFRESH_TOKEN, requestId, null, null, null, credentialName,
        orEmpty(values), null, Optional.empty(), Optional.empty(), null, null, null, null, organizationId);
  }

  /** A locator list; null {@code parameters} or {@code credentials} mean none were sent. */
  public static PipelineRequest locatorList(String requestId, String toolName, String method,
      Optional<String> filter, Optional<String> paginationToken, JsonNode parameters, JsonNode credentials,
      Optional<String> organizationId) {
    return new PipelineRequest(Kind.LOCATOR_LIST, requestId, toolName, orEmpty(parameters), orEmpty(credentials),
        null, null, method, filter, paginationToken, null, null, null, null, organizationId);
  }

  /** A resource mapping; null {@code parameters} or {@code credentials} mean none were sent. */
  public static PipelineRequest resourceMapping(String requestId, String toolName, String method,
      JsonNode parameters, JsonNode credentials, Optional<String> organizationId) {
    return new PipelineRequest(Kind.RESOURCE_MAPPING, requestId, toolName, orEmpty(parameters),
        orEmpty(credentials), null, null, method, Optional.empty(), Optional.empty(), null, null, null, null,
        organizationId);
  }

  /**
   * The execution of a stored action request: {@code requestId} is the stored request's id, {@code parameters}
   * its (unmasked) input, {@code credentials} credential name → values.
   */
  public static PipelineRequest executeAction(String requestId, String actionName, JsonNode parameters,
      JsonNode credentials, Optional<String> organizationId) {
    return new PipelineRequest(Kind.EXECUTE_ACTION, requestId, actionName, parameters, orEmpty(credentials), null,
        null, null, Optional.empty(), Optional.empty(), null, null, null, null, organizationId);
  }

  private static JsonNode orEmpty(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? JsonNodeFactory.instance.objectNode() : node;
  }

  private static void required(Object value, String component, Kind kind) {
    if (value == null) {
      throw new IllegalArgumentException("a " + kind + " request needs " + component);
    }
  }

  /** Kind and id only: the components may hold secrets (credential values, Secret parameters). */
  @Override
  public String toString() {
    return "PipelineRequest[" + kind + " " + requestId + "]";
  }
}
