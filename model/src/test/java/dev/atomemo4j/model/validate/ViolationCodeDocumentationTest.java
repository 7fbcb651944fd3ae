package dev.atomemo4j.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ViolationCodeDocumentationTest {

  @Test
  void everyCodeIsDocumentedInTheReadmeWithItsSummary() throws Exception {
    String readme = Files.readString(Path.of(System.getProperty("atomemo4j.root", ".."), "README.md"));
    java.util.List<String> missing = new java.util.ArrayList<>();
    for (ViolationCode code : ViolationCode.values()) {
      String row = "| `" + code.slug() + "` | " + (code.severity() == Severity.WARNING ? "(warning) " : "")
          + code.summary() + " |";
      if (!readme.contains(row)) {
        missing.add(row);
      }
    }
    assertThat(missing).as("README rows that are missing or differ").isEmpty();
  }

  @Test
  void slugsAreUniqueKebabCase() {
    assertThat(java.util.Arrays.stream(ViolationCode.values()).map(ViolationCode::slug))
        .doesNotHaveDuplicates()
        .allMatch(s -> s.matches("[a-z0-9]+(-[a-z0-9]+)*"));
  }
}
