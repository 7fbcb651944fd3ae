package dev.atomemo4j.mcp;

/**
 * The stable codes the MCP front end answers with besides the pipeline's own {@code sdk:} codes
 * ({@link dev.atomemo4j.core.pipeline.ErrorCodes}). They appear as {@code code} in a tool error's JSON text.
 */
public final class McpErrorCodes {

  /** A tool needs a credential the server was not configured with. */
  public static final String CREDENTIAL_MISSING = "mcp:credential_missing";
  /** The client cancelled the call ({@code notifications/cancelled}); the tool was interrupted. */
  public static final String CANCELLED = "mcp:cancelled";
  /** The tool asked for a Hub-only helper (files, models) that an MCP server does not have. */
  public static final String UNSUPPORTED_HELPER = "mcp:unsupported_helper";

  private McpErrorCodes() {}
}
