package dev.atomemo4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.host.query.QuerySettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The host file's {@code queries:} section. */
class QueriesHostFileTest {

  private static HostFile parse(String yaml) {
    return HostFile.parse(yaml, "host.yaml", Map.of(), QueriesHostFileTest.class.getClassLoader());
  }

  @Test
  void theRowLimitAndTimeoutReachTheHost() {
    try (PluginHost host = parse("queries:\n  rowLimit: 50\n  timeout: 4s\n").toBuilder().start()) {
      assertThat(host.datasources().settings()).isEqualTo(new QuerySettings(50, Duration.ofSeconds(4)));
    }
  }

  @Test
  void withoutTheSectionTheDefaultsApply() {
    try (PluginHost host = parse("plugins: []\n").toBuilder().start()) {
      assertThat(host.datasources().settings()).isEqualTo(QuerySettings.defaults());
    }
  }

  @Test
  void aBadRowLimitAndAnUnknownKeyAreProblemsOfTheFile() {
    HostFile file = parse("queries:\n  rowLimit: none\n  maxRows: 3\n");

    assertThat(file.problems()).extracting(v -> v.path() + " " + v.code())
        .contains("queries.rowLimit host:invalid_setting", "queries.maxRows host:unknown_key");
  }
}
