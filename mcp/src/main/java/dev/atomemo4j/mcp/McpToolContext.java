package dev.atomemo4j.mcp;

import dev.atomemo4j.core.pipeline.ErrorCodes;
import dev.atomemo4j.core.tools.HublessToolContext;
import dev.atomemo4j.model.value.FileRef;
import dev.atomemo4j.runtime.ToolContext;
import dev.atomemo4j.runtime.ToolException;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * The {@link ToolContext} of one MCP {@code tools/call}: progress goes to the client as
 * {@code notifications/progress} when it sent a progress token, cancellation comes from its
 * {@code notifications/cancelled}. The Hub's file and model helpers do not exist here; a tool that uses them gets
 * {@link McpErrorCodes#UNSUPPORTED_HELPER}.
 */
final class McpToolContext extends HublessToolContext {

  /** One progress report, as the tool gave it. */
  record Progress(double progress, Double total, String message) {}

  private final Consumer<Progress> progress;
  private volatile boolean cancelled;

  /** @param progress sends a report to the client; a no-op when the client sent no progress token */
  McpToolContext(String requestId, Consumer<Progress> progress) {
    super(requestId, McpErrorCodes.UNSUPPORTED_HELPER, "an MCP server");
    this.progress = progress;
  }

  void cancel() {
    cancelled = true;
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

  /** A file_ref the client sent with its content inline needs no Hub storage: it is decoded here. */
  @Override
  public byte[] download(FileRef file) throws ToolException {
    if (file != null && file.content() != null) {
      try {
        return Base64.getMimeDecoder().decode(file.content());
      } catch (IllegalArgumentException e) {
        throw new ToolException(ErrorCodes.INVALID_PARAMETER, "the file_ref's content is not valid base64");
      }
    }
    return super.download(file);
  }
}
