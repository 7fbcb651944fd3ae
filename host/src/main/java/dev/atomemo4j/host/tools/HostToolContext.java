package dev.atomemo4j.host.tools;

import dev.atomemo4j.model.value.FileRef;
import dev.atomemo4j.runtime.ToolContext;
import dev.atomemo4j.runtime.ToolException;
import java.util.Optional;

/**
 * The {@link ToolContext} of a tool called through the host: a request id for logs, no organization, and no Hub
 * file storage or models (a tool that uses them gets {@link HostTools#UNSUPPORTED_HELPER}, as it would over MCP).
 */
final class HostToolContext implements ToolContext, ToolContext.Files {
  private final String requestId;

  HostToolContext(String requestId) {
    this.requestId = requestId;
  }

  @Override
  public String requestId() {
    return requestId;
  }

  @Override
  public Optional<String> organizationId() {
    return Optional.empty();
  }

  @Override
  public Files files() {
    return this;
  }

  @Override
  public Llm llm() {
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

  private static ToolException unsupported(String what) {
    return new ToolException(HostTools.UNSUPPORTED_HELPER, "this tool needs " + what
        + ", which a PluginHost does not provide; run the plugin on the Atomemo Hub for it");
  }

  @Override
  public String toString() {
    return "HostToolContext[" + requestId + "]";
  }
}
