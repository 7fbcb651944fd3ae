package dev.atomemo4j.examples.jsonreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.model.value.FileRef;
import dev.atomemo4j.runtime.ToolContext;
import dev.atomemo4j.runtime.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadJsonTest {

  /** A context whose file helpers decode inline content, as the Hub's do, or fail as told. */
  private static ToolContext context(Exception failure) {
    ToolContext.Files files = new ToolContext.Files() {
      @Override
      public String downloadUrl(FileRef file) {
        throw new UnsupportedOperationException();
      }

      @Override
      public byte[] download(FileRef file) throws Exception {
        if (failure != null) {
          throw failure;
        }
        return Base64.getDecoder().decode(file.content());
      }

      @Override
      public FileRef upload(byte[] content, String filename, String mimeType) {
        throw new UnsupportedOperationException();
      }
    };
    return new ToolContext() {
      @Override
      public String requestId() {
        return "req-1";
      }

      @Override
      public Optional<String> organizationId() {
        return Optional.empty();
      }

      @Override
      public Files files() {
        return files;
      }
    };
  }

  private static FileRef inline(byte[] bytes) {
    return new FileRef("mem", "data.json", ".json", "application/json", (long) bytes.length, null, null,
        Base64.getEncoder().encodeToString(bytes));
  }

  @Test
  void readsTheFileThroughTheHubFileHelpers() throws Exception {
    byte[] utf16WithBom = ("\uFEFF{\"hello\": \"world\", \"num\": 42}").getBytes(StandardCharsets.UTF_16LE);

    JsonNode result = new ReadJson().invoke(inline(utf16WithBom), context(null));

    assertThat(result.toString()).isEqualTo("{\"hello\":\"world\",\"num\":42}");
  }

  @Test
  void invalidContentIsAToolError() {
    assertThatThrownBy(() -> new ReadJson().invoke(inline("{oops".getBytes(StandardCharsets.UTF_8)), context(null)))
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("json_reader:invalid_json"));
  }

  @Test
  void aFailedDownloadIsAToolErrorNamingTheFile() {
    assertThatThrownBy(() -> new ReadJson().invoke(inline(new byte[0]), context(new IOException("403 Forbidden"))))
        .isInstanceOfSatisfying(ToolException.class, e -> {
          assertThat(e.code()).isEqualTo("json_reader:download_failed");
          assertThat(e.getMessage()).isEqualTo("could not download \"data.json\": 403 Forbidden");
        });
  }

  @Test
  void aToolErrorOfTheHubPassesThroughUnchanged() {
    ToolException hub = new ToolException("hub:file_not_found", "no such file");

    assertThatThrownBy(() -> new ReadJson().invoke(inline(new byte[0]), context(hub))).isSameAs(hub);
  }
}
