package dev.atomemo4j.mcp;

import dev.atomemo4j.model.value.FileRef;
import dev.atomemo4j.runtime.ToolContext;
import dev.atomemo4j.runtime.ToolException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@link ToolContext} of one MCP {@code tools/call}: progress goes to the client as
 * {@code notifications/progress} when it sent a progress token, cancellation comes from its
 * {@code notifications/cancelled}. The Hub's file and model helpers do not exist here; a tool that uses them gets
 * {@link McpErrorCodes#UNSUPPORTED_HELPER}.
 */
final class McpToolContext implements ToolContext, ToolContext.Files {

  /** One progress report, as the tool gave it. */
  record Progress(double progress, Double total, String message) {}

  private final String requestId;
  private final Consumer<Progress> progress;
  private volatile boolean cancelled;

  /** @param progress sends a report to the client; a no-op when the client sent no progress token */
  McpToolContext(String requestId, Consumer<Progress> progress) {
    this.requestId = requestId;
    this.progress = progress;
  }

  void cancel() {
    cancelled = true;
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
  public void reportProgress(double done, Double total, String message) {
    if (!cancelled) {
      progress.accept(new Progress(done, total, message));
    }
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
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
    if (file != null && file.content() != null) {
      try {
        return java.util.Base64.getMimeDecoder().decode(file.content());
      } catch (IllegalArgumentException e) {
        throw new ToolException(dev.atomemo4j.core.pipeline.ErrorCodes.INVALID_PARAMETER,
            "the file_ref's content is not valid base64");
      }
    }
    throw unsupported("the Hub's file storage");
  }

  @Override
  public FileRef upload(byte[] content, String filename, String mimeType) throws ToolException {
    throw unsupported("the Hub's file storage");
  }

  private static ToolException unsupported(String what) {
    return new ToolException(McpErrorCodes.UNSUPPORTED_HELPER, "this tool needs " + what
        + ", which an MCP server does not provide; run the plugin on the Atomemo Hub for it");
  }

  @Override
  public String toString() {
    return "McpToolContext[" + requestId + "]";
  }
}
