package dev.atomemo4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code <data directory>/hub.json}: where a running {@code atomemo4j dev} hub listens, so {@code atomemo4j invoke}
 * finds it without being told.
 */
final class HubFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HubFile() {}

  static void write(Path dataDirectory, String url, String apiKey) throws IOException {
    Files.createDirectories(dataDirectory);
    Path tmp = Files.createTempFile(dataDirectory, "hub", ".tmp");
    Files.writeString(tmp, JSON.writeValueAsString(JSON.createObjectNode().put("url", url).put("api_key", apiKey)));
    Files.move(tmp, dataDirectory.resolve("hub.json"), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** The URL of the hub recorded in {@code dataDirectory}, or null. */
  static String url(Path dataDirectory) {
    Path file = dataDirectory.resolve("hub.json");
    try {
      JsonNode n = JSON.readTree(file.toFile());
      return n.path("url").isTextual() ? n.get("url").asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  static void delete(Path dataDirectory) {
    try {
      Files.deleteIfExists(dataDirectory.resolve("hub.json"));
    } catch (IOException e) {
      // a stale hub.json only makes `invoke` try a hub that is gone, and it says so
    }
  }
}
