package dev.atomemo4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.model.value.FileRef;
import java.util.Optional;

/**
 * What a tool can know and do beyond its parameters: which request it serves, the organization it runs for, and
 * the Hub's file helpers. Declare a parameter of this type on a tool method to receive it.
 */
public interface ToolContext {

  /** The Hub's id of this request. */
  String requestId();

  /** The organization the request runs for, when the Hub says. */
  Optional<String> organizationId();

  /** Files: download what the Hub hands over, upload what the tool produces. */
  Files files();

  /**
   * The Hub's language models ({@code hub_call:invoke_llm}): the only way a plugin can call a model. The default
   * implementation, for contexts built outside the runtime (tests), refuses.
   */
  default Llm llm() {
    throw new UnsupportedOperationException("this ToolContext cannot call the Hub's models");
  }

  /**
   * Reports how far the tool has got, for a caller that shows progress (an MCP client that asked for progress
   * notifications). Cheap to call often; a front end without a progress channel (the Hub) ignores it.
   *
   * @param progress the work done so far; should grow from one call to the next
   * @param total the whole work in the same unit, or null when it is not known
   * @param message a short human text of the current step, or null
   */
  default void reportProgress(double progress, Double total, String message) {}

  /**
   * True once the caller has cancelled this request (an MCP {@code notifications/cancelled}, a time limit): a
   * long-running tool checks it between steps and stops. Front ends also interrupt the tool's thread, so blocking
   * calls end too. The default, for front ends without cancellation, is never cancelled.
   */
  default boolean isCancelled() {
    return false;
  }

  /** The Hub's file helpers ({@code get_file_url}, {@code get_upload_url} and the HTTP transfers). */
  interface Files {
    /** A URL the file can be downloaded from: its own, or a fresh presigned one from the Hub. */
    String downloadUrl(FileRef file) throws Exception;

    /** The file's bytes: inline content decoded, or downloaded from object storage. */
    byte[] download(FileRef file) throws Exception;

    /** Uploads bytes to the Hub's storage and returns the file_ref to hand back. */
    FileRef upload(byte[] content, String filename, String mimeType) throws Exception;

    /**
     * Like {@link #upload(byte[], String, String)}, under a storage key prefix of your choice ({@code key_prefix}
     * of {@code get_upload_url}). The default ignores the prefix.
     */
    default FileRef upload(byte[] content, String filename, String mimeType, String keyPrefix) throws Exception {
      return upload(content, filename, mimeType);
    }
  }

  /**
   * Calls a model through the Hub ({@code hub_call:invoke_llm}, hub-protocol §9.5), for the organization of the
   * current request. Blocks until the Hub answers, at most 15 minutes.
   */
  interface Llm {
    /**
     * @param llmConfig an {@code llm_config} value as the Hub sent it in a parameter (with
     *     {@code "__type__": "llm_config"}); declare the parameter as {@code JsonNode}
     * @param messages the chat messages, as the Hub expects them (a JSON array)
     * @return the {@code data} of the Hub's answer
     * @throws ToolException with the Hub's error code when the Hub answers with an error, or {@code sdk:timeout}
     */
    JsonNode invoke(JsonNode llmConfig, JsonNode messages) throws Exception;
  }
}
