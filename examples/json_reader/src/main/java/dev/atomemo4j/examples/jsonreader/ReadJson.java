package dev.atomemo4j.examples.jsonreader;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.annotations.Param;
import dev.atomemo4j.annotations.Tool;
import dev.atomemo4j.model.value.FileRef;
import dev.atomemo4j.runtime.ToolContext;
import dev.atomemo4j.runtime.ToolException;
import java.util.Map;

/**
 * The {@code read-json} tool: a class annotated {@link Tool} with one {@code invoke} method. The file arrives as a
 * {@link FileRef} (a {@code file_ref} parameter); its bytes come through the Hub's file helpers, which decode inline
 * content or download it from object storage.
 */
@Tool(
    name = "read-json",
    displayName = "Read JSON",
    description = "Parse a file_ref as JSON object. Automatically handles BOM headers and encoding detection.",
    icon = "https://server-media-public.atomemo.ai/icons/json-reader.svg",
    skillResource = "skills/read-json.md")
public final class ReadJson {

  public JsonNode invoke(
      @Param(name = "file", displayName = "File", hint = "The file to parse as JSON", width = "full") FileRef file,
      ToolContext context)
      throws ToolException {
    byte[] bytes;
    try {
      bytes = context.files().download(file);
    } catch (ToolException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolException("json_reader:download_failed", "interrupted while downloading the file", Map.of(), e);
    } catch (Exception e) {
      throw new ToolException("json_reader:download_failed", "could not download " + describe(file) + ": "
          + e.getMessage(), Map.of(), e);
    }
    return JsonText.parse(bytes);
  }

  private static String describe(FileRef file) {
    return file.filename() != null ? "\"" + file.filename() + "\"" : "the file";
  }
}
