package dev.atomemo4j.processor.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLabelsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "apiUrl, Api url",
      "pageSize, Page size",
      "maxTTLSeconds, Max TTL seconds",
      "apiURL, Api URL",
      "retry2Times, Retry2 times",
      "snake_case_key, Snake case key",
      "x, X"})
  void aComponentWithoutALabelIsLabelledAfterItsName(String key, String label) {
    assertThat(ConfigReader.humanize(key)).isEqualTo(label);
  }
}
