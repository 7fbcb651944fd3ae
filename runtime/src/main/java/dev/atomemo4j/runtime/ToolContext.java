package dev.atomemo4j.runtime;

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

  /** The Hub's file helpers ({@code get_file_url}, {@code get_upload_url} and the HTTP transfers). */
  interface Files {
    /** A URL the file can be downloaded from: its own, or a fresh presigned one from the Hub. */
    String downloadUrl(FileRef file) throws Exception;

    /** The file's bytes: inline content decoded, or downloaded from object storage. */
    byte[] download(FileRef file) throws Exception;

    /** Uploads bytes to the Hub's storage and returns the file_ref to hand back. */
    FileRef upload(byte[] content, String filename, String mimeType) throws Exception;
  }
}
