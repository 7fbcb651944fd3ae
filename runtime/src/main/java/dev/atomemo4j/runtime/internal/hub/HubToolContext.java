package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.pipeline.ErrorCodes;
import dev.atomemo4j.model.value.FileRef;
import dev.atomemo4j.runtime.ToolContext;
import dev.atomemo4j.runtime.ToolException;
import java.io.IOException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The {@link ToolContext} of one {@code invoke_tool} request: its id, its organization, and the Hub's file and
 * model helpers (hub-protocol §9). The helpers block the calling thread (a request's own worker thread) until the
 * Hub or the storage answers; failures are {@link ToolException}s with the codes of §11
 * ({@code transient:upload_failed}, {@code transient:download_failed}, the Hub's own codes, {@code sdk:timeout}).
 */
final class HubToolContext implements ToolContext, ToolContext.Files, ToolContext.Llm {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

  private final String requestId;
  private final Optional<String> organizationId;
  private final HubCalls hub;
  /** Built on first use: see {@link RuntimeHttp}. */
  private final Supplier<OkHttpClient> http;

  HubToolContext(String requestId, Optional<String> organizationId, HubCalls hub, Supplier<OkHttpClient> http) {
    this.requestId = requestId;
    this.organizationId = organizationId;
    this.hub = hub;
    this.http = http;
  }

  @Override
  public String requestId() {
    return requestId;
  }

  @Override
  public Optional<String> organizationId() {
    return organizationId;
  }

  @Override
  public Files files() {
    return this;
  }

  @Override
  public Llm llm() {
    return this;
  }

  // --- Files ------------------------------------------------------------------------------------------------------

  /** The file's own {@code remote_url}, else a presigned URL from {@code hub_call:get_file_url} (§9.3). */
  @Override
  public String downloadUrl(FileRef file) throws Exception {
    Objects.requireNonNull(file, "file");
    if (file.remoteUrl() != null && !file.remoteUrl().isEmpty()) {
      return file.remoteUrl();
    }
    if (file.resKey() == null || file.resKey().isEmpty()) {
      throw new IllegalArgumentException("this file_ref has neither remote_url nor res_key, so it has no URL"
          + (file.content() != null ? "; its content is inline: use download()" : ""));
    }
    ObjectNode data = NODES.objectNode();
    data.put("res_key", file.resKey());
    JsonNode answer = await(hub.call("get_file_url", data, hub.defaultTimeout()));
    JsonNode url = answer.get("url");
    if (url == null || !url.isTextual()) {
      throw new ToolException(ErrorCodes.DOWNLOAD_FAILED, "the Hub's answer to get_file_url has no url");
    }
    return url.textValue();
  }

  /** Inline content decoded, or an HTTP GET of the file's URL. */
  @Override
  public byte[] download(FileRef file) throws Exception {
    Objects.requireNonNull(file, "file");
    if (file.content() != null) {
      try {
        return Base64.getMimeDecoder().decode(file.content());
      } catch (IllegalArgumentException e) {
        throw new ToolException(ErrorCodes.INVALID_PARAMETER, "the file_ref's content is not valid base64");
      }
    }
    String url = downloadUrl(file);
    Request request;
    try {
      request = new Request.Builder().url(url).get().build();
    } catch (IllegalArgumentException e) {
      throw new ToolException(ErrorCodes.DOWNLOAD_FAILED, "the file's URL is not an http(s) URL");
    }
    try (Response response = http.get().newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new ToolException(ErrorCodes.DOWNLOAD_FAILED, "downloading " + describe(file) + " failed with HTTP "
            + response.code());
      }
      ResponseBody body = response.body();
      return body.bytes();
    } catch (IOException e) {
      // Not the URL: a presigned URL carries a signature.
      throw new ToolException(ErrorCodes.DOWNLOAD_FAILED, "downloading " + describe(file) + " failed: "
          + e.getClass().getSimpleName());
    }
  }

  @Override
  public FileRef upload(byte[] content, String filename, String mimeType) throws Exception {
    return upload(content, filename, mimeType, null);
  }

  /** §9.4: {@code get_upload_url}, then {@code PUT presigned_url}; any 2xx is success. */
  @Override
  public FileRef upload(byte[] content, String filename, String mimeType, String keyPrefix) throws Exception {
    Objects.requireNonNull(content, "content");
    String extension = extensionOf(filename);
    ObjectNode data = NODES.objectNode();
    data.put("extension", extension == null ? "" : extension);
    data.put("key_prefix", keyPrefix);
    JsonNode answer = await(hub.call("get_upload_url", data, hub.defaultTimeout()));
    JsonNode url = answer.get("presigned_url");
    JsonNode resKey = answer.get("res_key");
    if (url == null || !url.isTextual() || resKey == null || !resKey.isTextual()) {
      throw new ToolException(ErrorCodes.UPLOAD_FAILED,
          "the Hub's answer to get_upload_url lacks presigned_url or res_key");
    }
    MediaType type = mimeType == null ? OCTET_STREAM : MediaType.parse(mimeType);
    Request request;
    try {
      request = new Request.Builder().url(url.textValue())
          .put(RequestBody.create(content, type == null ? OCTET_STREAM : type))
          .build();
    } catch (IllegalArgumentException e) {
      throw new ToolException(ErrorCodes.UPLOAD_FAILED, "the Hub's presigned_url is not an http(s) URL");
    }
    String name = filename == null ? "the file" : "`" + filename + "`";
    try (Response response = http.get().newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new ToolException(ErrorCodes.UPLOAD_FAILED, "uploading " + name + " failed with HTTP "
            + response.code());
      }
    } catch (IOException e) {
      throw new ToolException(ErrorCodes.UPLOAD_FAILED, "uploading " + name + " failed: "
          + e.getClass().getSimpleName());
    }
    return new FileRef("oss", filename, extension, mimeType, (long) content.length, resKey.textValue(), null, null);
  }

  // --- Llm --------------------------------------------------------------------------------------------------------

  /** §9.5: {@code {llm_config, messages, organization_id}}, 15 minutes. */
  @Override
  public JsonNode invoke(JsonNode llmConfig, JsonNode messages) throws Exception {
    Objects.requireNonNull(llmConfig, "llmConfig");
    Objects.requireNonNull(messages, "messages");
    ObjectNode data = NODES.objectNode();
    data.set("llm_config", llmConfig);
    data.set("messages", messages);
    data.put("organization_id", organizationId.orElse(null));
    return await(hub.call("invoke_llm", data, HubCalls.LLM_TIMEOUT));
  }

  // ----------------------------------------------------------------------------------------------------------------

  private static JsonNode await(CompletableFuture<JsonNode> call) throws Exception {
    try {
      return call.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw e;
    } catch (InterruptedException e) {
      call.cancel(false);
      throw e;
    }
  }

  /** {@code ".pdf"} for {@code "report.pdf"} (§10: extensions carry the leading dot); null without one. */
  static String extensionOf(String filename) {
    if (filename == null) {
      return null;
    }
    int dot = filename.lastIndexOf('.');
    int slash = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
    return dot > slash + 1 && dot < filename.length() - 1 ? filename.substring(dot) : null;
  }

  private static String describe(FileRef file) {
    return file.filename() == null ? "the file" : "`" + file.filename() + "`";
  }

  @Override
  public String toString() {
    return "ToolContext[" + requestId + "]";
  }
}
