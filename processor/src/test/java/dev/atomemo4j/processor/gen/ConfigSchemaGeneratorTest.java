package dev.atomemo4j.processor.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConfigSchemaGeneratorTest {

  @Test
  void theNotBlankPatternMatchesExactlyTheCharactersJavaDoesNotCallWhitespace() {
    Pattern notBlank = Pattern.compile(ConfigSchemaGenerator.NOT_BLANK);
    List<String> disagreements = new ArrayList<>();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (notBlank.matcher(String.valueOf(c)).matches() == Character.isWhitespace(c)) {
        disagreements.add(Integer.toHexString(c));
      }
    }

    assertThat(disagreements).isEmpty();
  }
}
