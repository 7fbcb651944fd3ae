package dev.atomemo4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.processor.diag.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessageDocumentationTest {

  @Test
  void everyProcessorCodeIsDocumentedInTheReadmeWithItsKind() throws Exception {
    String readme = Files.readString(Path.of(System.getProperty("atomemo4j.root", ".."), "README.md"));

    assertThat(Arrays.stream(Message.values())
        .map(m -> "| `" + m.code() + "` | " + m.kind().name().toLowerCase(Locale.ROOT) + " |")
        .filter(row -> !readme.contains(row)).toList())
        .as("README rows missing").isEmpty();
  }

  @Test
  void codesAreUniqueKebabCase() {
    assertThat(Arrays.stream(Message.values()).map(Message::code)).doesNotHaveDuplicates()
        .allMatch(c -> c.matches("[a-z0-9]+(-[a-z0-9]+)*"));
  }
}
