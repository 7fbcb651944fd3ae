package dev.atomemo4j.core.pipeline;

import dev.atomemo4j.runtime.ToolContext;
import dev.atomemo4j.runtime.spi.CredentialBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.ToolBinding;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request as it travels through the {@link RequestPipeline}: the neutral {@link PipelineRequest} a front end
 * built, what the stages resolved and decoded, and the result. For front ends and stages, not for plugin authors.
 *
 * <p>Stages run one after another (never concurrently), so the fields need no locking; they are volatile because
 * consecutive stages may run on different threads, and a front end may read them from another (a time limit).
 */
public final class Exchange {

  private final PipelineRequest request;
  private final PluginDescriptor descriptor;
  private final Secrets secrets;
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();

  private volatile ToolBinding tool;
  private volatile CredentialBinding credential;
  private volatile Object credentialRecord;
  private volatile Object input;
  private volatile ToolContext toolContext;
  private volatile Object result;
  private volatile CompletionStage<?> pendingResult;

  /**
   * @param secrets values of this request that must never appear in an error message or a log; the front end
   *     collects them, since it alone knows everything it received (an api key, raw members)
   */
  public Exchange(PipelineRequest request, PluginDescriptor descriptor, Secrets secrets) {
    this.request = Objects.requireNonNull(request, "request");
    this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /** The request as the front end built it. Read-only for stages. */
  public PipelineRequest request() {
    return request;
  }

  public PipelineRequest.Kind kind() {
    return request.kind();
  }

  public String requestId() {
    return request.requestId();
  }

  public PluginDescriptor descriptor() {
    return descriptor;
  }

  /** The organization the request is made for, when the front end knows it. */
  public Optional<String> organizationId() {
    return request.organizationId();
  }

  /** Values of this request that must never appear in an error message or a log. */
  public Secrets secrets() {
    return secrets;
  }

  /** The tool addressed by a tool call, a locator list or a resource mapping; null until resolved. */
  public ToolBinding tool() {
    return tool;
  }

  public void tool(ToolBinding value) {
    this.tool = value;
  }

  /** The credential addressed by a credential callback; null until resolved. */
  public CredentialBinding credential() {
    return credential;
  }

  public void credential(CredentialBinding value) {
    this.credential = value;
  }

  /** The decoded credential record a callback is called on. */
  public Object credentialRecord() {
    return credentialRecord;
  }

  public void credentialRecord(Object value) {
    this.credentialRecord = value;
  }

  /** What the plugin's code is called with: decoded tool input, or the request object of a callback. */
  public Object input() {
    return input;
  }

  public void input(Object value) {
    this.input = value;
  }

  public ToolContext toolContext() {
    return toolContext;
  }

  public void toolContext(ToolContext value) {
    this.toolContext = value;
  }

  /** The Java result of the plugin's code, before encoding. */
  public Object result() {
    return result;
  }

  public void result(Object value) {
    this.result = value;
  }

  /** The asynchronous result the plugin returned, while it is pending; a front end cancels it on timeout. */
  public CompletionStage<?> pendingResult() {
    return pendingResult;
  }

  public void pendingResult(CompletionStage<?> value) {
    this.pendingResult = value;
  }

  /** Room for stages added later (hooks, approvals) to pass data along without changing this class. */
  public Map<String, Object> attributes() {
    return attributes;
  }

  @Override
  public String toString() {
    return "Exchange[" + request.kind() + " " + request.requestId() + "]";
  }
}
