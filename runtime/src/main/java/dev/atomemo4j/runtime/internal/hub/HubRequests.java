package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.pipeline.ErrorCodes;
import dev.atomemo4j.core.pipeline.PipelineRequest;
import dev.atomemo4j.core.pipeline.RequestFailure;
import dev.atomemo4j.core.pipeline.Secrets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Hub's request payloads (hub-protocol §8.1–8.8) into the core's neutral {@link PipelineRequest}: checks
 * every member the request kind needs, in the order the kind reads them, and answers a malformed payload with
 * {@code sdk:invalid_request} naming the Hub's member. The only place that knows the Hub's member names of a
 * request.
 */
final class HubRequests {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private HubRequests() {}

  /** The neutral request of {@code payload}, whose {@code request_id} the dispatcher has already checked. */
  static PipelineRequest read(RequestKind kind, String requestId, ObjectNode payload) throws RequestFailure {
    Optional<String> org = organizationId(payload);
    switch (kind) {
      case INVOKE_TOOL: {
        String tool = requiredString(kind, payload, "tool_name");
        JsonNode credentials = optionalObject(kind, payload, "credentials");
        return PipelineRequest.invokeTool(requestId, tool, payload.get("parameters"), credentials, org);
      }
      case CREDENTIAL_AUTH_SPEC: {
        String credential = requiredString(kind, payload, "credential_name");
        JsonNode values = credentialValues(kind, payload);
        JsonNode extra = optionalObject(kind, payload, "extra");
        return PipelineRequest.credentialAuthenticate(requestId, credential, values, extra, org);
      }
      case OAUTH2_BUILD_AUTHORIZE_URL: {
        String credential = requiredString(kind, payload, "credential_name");
        JsonNode values = credentialValues(kind, payload);
        String redirectUri = requiredString(kind, payload, "redirect_uri");
        String state = requiredString(kind, payload, "state");
        return PipelineRequest.oauth2AuthorizeUrl(requestId, credential, values, redirectUri, state, org);
      }
      case OAUTH2_GET_TOKEN: {
        String credential = requiredString(kind, payload, "credential_name");
        JsonNode values = credentialValues(kind, payload);
        String code = requiredString(kind, payload, "code");
        String redirectUri = requiredString(kind, payload, "redirect_uri");
        return PipelineRequest.oauth2GetToken(requestId, credential, values, code, redirectUri, org);
      }
      case OAUTH2_REFRESH_TOKEN: {
        String credential = requiredString(kind, payload, "credential_name");
        JsonNode values = credentialValues(kind, payload);
        return PipelineRequest.oauth2RefreshToken(requestId, credential, values, org);
      }
      case LOCATOR_LIST: {
        String tool = requiredString(kind, payload, "tool_name");
        String method = requiredString(kind, payload, "method");
        Optional<String> filter = Optional.ofNullable(optionalString(kind, payload, "filter"));
        Optional<String> page = Optional.ofNullable(optionalString(kind, payload, "pagination_token"));
        JsonNode parameters = optionalObject(kind, payload, "parameters");
        JsonNode credentials = optionalObject(kind, payload, "credentials");
        return PipelineRequest.locatorList(requestId, tool, method, filter, page, parameters, credentials, org);
      }
      case RESOURCE_MAPPING: {
        String tool = requiredString(kind, payload, "tool_name");
        String method = requiredString(kind, payload, "method");
        JsonNode parameters = optionalObject(kind, payload, "parameters");
        JsonNode credentials = optionalObject(kind, payload, "credentials");
        return PipelineRequest.resourceMapping(requestId, tool, method, parameters, credentials, org);
      }
      default:
        throw new IllegalStateException("unhandled request kind " + kind);
    }
  }

  /**
   * The secrets of a request payload: every string of its {@code credentials} and {@code credential} members, the
   * values the tool receives as {@code Secret} ({@code secretValues}, found by {@code SecretValues}), and
   * {@code apiKey} if not null. Read from the raw payload, before it is checked, because the frame log prints the
   * payload as received.
   */
  static Secrets secretsOf(JsonNode payload, String apiKey, List<String> secretValues) {
    Secrets.Builder secrets = Secrets.builder()
        .value(apiKey)
        .allStringsOf(payload.get("credentials"))
        .allStringsOf(payload.get("credential"));
    for (String value : secretValues) {
      secrets.value(value);
    }
    return secrets.build();
  }

  /** {@code context.organization_id}, when the Hub sent it (§8.1). */
  private static Optional<String> organizationId(ObjectNode payload) {
    JsonNode org = payload.path("context").path("organization_id");
    return org.isTextual() ? Optional.of(org.textValue()) : Optional.empty();
  }

  /** The {@code credential} member: the credential's stored values, an object, or absent or null for none. */
  private static JsonNode credentialValues(RequestKind kind, ObjectNode payload) throws RequestFailure {
    JsonNode values = payload.get("credential");
    if (values != null && !values.isNull() && !values.isObject()) {
      throw invalid(kind, payload, "credential", "an object");
    }
    return values;
  }

  private static String requiredString(RequestKind kind, ObjectNode payload, String member) throws RequestFailure {
    JsonNode v = payload.get(member);
    if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
      throw invalid(kind, payload, member, "a non-empty string");
    }
    return v.textValue();
  }

  private static String optionalString(RequestKind kind, ObjectNode payload, String member) throws RequestFailure {
    JsonNode v = payload.get(member);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw invalid(kind, payload, member, "a string or null");
    }
    return v.textValue();
  }

  private static JsonNode optionalObject(RequestKind kind, ObjectNode payload, String member) throws RequestFailure {
    JsonNode v = payload.get(member);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw invalid(kind, payload, member, "an object");
    }
    return v;
  }

  private static RequestFailure invalid(RequestKind kind, ObjectNode payload, String member, String expected) {
    JsonNode v = payload.get(member);
    String got = v == null ? "it is missing" : "got " + describe(v);
    return new RequestFailure(ErrorCodes.INVALID_REQUEST, "`" + kind.event() + "` needs `" + member + "` as "
        + expected + ", but " + got, Map.of("member", NODES.textNode(member)));
  }

  private static String describe(JsonNode v) {
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
