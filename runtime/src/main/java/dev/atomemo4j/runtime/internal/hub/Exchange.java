package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.runtime.ToolContext;
import dev.atomemo4j.runtime.spi.CredentialBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.ToolBinding;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request as it travels through the {@link RequestPipeline}: what the Hub sent, what the stages resolved and
 * decoded, and the result. Stages run one after another (never concurrently), so the fields need no locking; they
 * are volatile because consecutive stages may run on different threads.
 */
final class Exchange {

  private final RequestKind kind;
  private final String requestId;
  private final ObjectNode payload;
  private final PluginDescriptor descriptor;
  private final Optional<String> organizationId;
  private final Secrets secrets;
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();

  private volatile ToolBinding tool;
  private volatile CredentialBinding credential;
  private volatile Object credentialRecord;
  private volatile Object input;
  private volatile ToolContext toolContext;
  private volatile Object result;
  private volatile CompletionStage<?> pendingResult;

  Exchange(RequestKind kind, String requestId, ObjectNode payload, PluginDescriptor descriptor, Secrets secrets) {
    this.kind = kind;
    this.requestId = requestId;
    this.payload = payload;
    this.descriptor = descriptor;
    JsonNode org = payload.path("context").path("organization_id");
    this.organizationId = org.isTextual() ? Optional.of(org.textValue()) : Optional.empty();
    this.secrets = secrets;
  }

  RequestKind kind() {
    return kind;
  }

  String requestId() {
    return requestId;
  }

  /** The request as received. Read-only for stages. */
  ObjectNode payload() {
    return payload;
  }

  PluginDescriptor descriptor() {
    return descriptor;
  }

  /** {@code context.organization_id}, when the Hub sent it (§8.1). */
  Optional<String> organizationId() {
    return organizationId;
  }

  /** Values of this request that must never appear in an error message or a log. */
  Secrets secrets() {
    return secrets;
  }

  /** The tool addressed by {@code invoke_tool}, {@code locator_list} or {@code resource_mapping}. */
  ToolBinding tool() {
    return tool;
  }

  void tool(ToolBinding value) {
    this.tool = value;
  }

  /** The credential addressed by a credential callback. */
  CredentialBinding credential() {
    return credential;
  }

  void credential(CredentialBinding value) {
    this.credential = value;
  }

  /** The decoded credential record a callback is called on. */
  Object credentialRecord() {
    return credentialRecord;
  }

  void credentialRecord(Object value) {
    this.credentialRecord = value;
  }

  /** What the plugin's code is called with: decoded tool input, or the request object of a callback. */
  Object input() {
    return input;
  }

  void input(Object value) {
    this.input = value;
  }

  ToolContext toolContext() {
    return toolContext;
  }

  void toolContext(ToolContext value) {
    this.toolContext = value;
  }

  /** The Java result of the plugin's code, before encoding. */
  Object result() {
    return result;
  }

  void result(Object value) {
    this.result = value;
  }

  /** The asynchronous result the plugin returned, while it is pending; cancelled on timeout or shutdown. */
  CompletionStage<?> pendingResult() {
    return pendingResult;
  }

  void pendingResult(CompletionStage<?> value) {
    this.pendingResult = value;
  }

  /** Room for stages added later (hooks, approvals) to pass data along without changing this class. */
  Map<String, Object> attributes() {
    return attributes;
  }

  @Override
  public String toString() {
    return "Exchange[" + kind.event() + " " + requestId + "]";
  }
}
