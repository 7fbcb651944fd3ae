package dev.atomemo4j.runtime.internal.phoenix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

  @Test
  void logTextEscapesControlCharactersAndCutsLongValues() {
    assertThat(LogText.safe("a\nb\u0000c\u2028")).isEqualTo("a\\nb\\u0000c\\u2028");
    assertThat(LogText.safe("x".repeat(500), 10)).isEqualTo("xxxxxxxxxx…(500 chars)");
    assertThat(LogText.safe(null)).isEqualTo("null");
  }
}
