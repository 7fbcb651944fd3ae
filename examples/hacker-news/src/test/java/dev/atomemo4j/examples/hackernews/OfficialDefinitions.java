package dev.atomemo4j.examples.hackernews;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the official plugins' definition files are: {@code <shared>/conformance/official-definitions/}. */
final class OfficialDefinitions {
  private OfficialDefinitions() {}

  /**
   * The official file of plugin {@code name}: under the {@code atomemo4j.shared} directory the root build passes,
   * when the file is there, else under {@code ../../../shared} (this module built on its own with {@code -f}, where
   * the root's default points nowhere).
   */
  static Path file(String name) {
    Path relative = Path.of("conformance", "official-definitions", name + ".json");
    String configured = System.getProperty("atomemo4j.shared");
    if (configured != null && Files.isRegularFile(Path.of(configured).resolve(relative))) {
      return Path.of(configured).resolve(relative);
    }
    return Path.of("../../../shared").resolve(relative);
  }
}
