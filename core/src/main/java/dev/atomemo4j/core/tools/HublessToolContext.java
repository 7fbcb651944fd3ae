package dev.atomemo4j.core.tools;

import dev.atomemo4j.model.value.FileRef;
import dev.atomemo4j.runtime.ToolContext;
import dev.atomemo4j.runtime.ToolException;
import java.util.Optional;

/**
 * The {@link ToolContext} of a tool called by a front end that is not the Hub: a request id for logs, no
 * organization, and no Hub file storage or language models. A tool that uses them fails with the front end's own
 * {@code unsupported_helper} code and a sentence saying where to run it instead. Front ends extend it for what they
 * add (an MCP client's progress and cancellation, inline file content).
 */
public abstract class HublessToolContext implements ToolContext, ToolContext.Files {
  private final String requestId;
  private final String unsupportedCode;
  private final String frontEnd;

  /**
   * @param unsupportedCode the stable code a Hub-only helper fails with ({@code host:unsupported_helper})
   * @param frontEnd what runs the tool, as the failure names it ({@code "a PluginHost"})
   */
  protected HublessToolContext(String requestId, String unsupportedCode, String frontEnd) {
    this.requestId = requestId;
    this.unsupportedCode = unsupportedCode;
    this.frontEnd = frontEnd;
  }

  @Override
  public final String requestId() {
    return requestId;
  }

  @Override
  public final Optional<String> organizationId() {
    return Optional.empty();
  }

  @Override
  public final Files files() {
    return this;
  }

  @Override
  public final Llm llm() {
    return (llmConfig, messages) -> {
      throw unsupported("the Hub's language models (ToolContext.llm())");
    };
  }

  @Override
  public String downloadUrl(FileRef file) throws ToolException {
    throw unsupported("the Hub's file storage");
  }

  @Override
  public byte[] download(FileRef file) throws ToolException {
    throw unsupported("the Hub's file storage");
  }

  @Override
  public FileRef upload(byte[] content, String filename, String mimeType) throws ToolException {
    throw unsupported("the Hub's file storage");
  }

  /** The failure of a Hub-only helper, {@code what} naming it. */
  protected final ToolException unsupported(String what) {
    return new ToolException(unsupportedCode, "this tool needs " + what + ", which " + frontEnd
        + " does not provide; run the plugin on the Atomemo Hub for it");
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + requestId + "]";
  }
}
