package dev.atomemo4j.examples.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.runtime.ToolFactory;
import dev.atomemo4j.testing.PluginClient;
import dev.atomemo4j.testing.PluginTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tool answers as the official get-current-time does (its {@code src/tools/get-current-time.ts}), checked at a
 * fixed instant: the clock is handed to the tool class through a ToolFactory.
 */
@PluginTest(value = GetCurrentTime.class, toolFactory = OfficialBehaviourTest.FixedClock.class)
class OfficialBehaviourTest {
  private static final String TOOL = "get-current-time";
  static final Instant NOW = Instant.parse("2026-12-03T13:12:57.008Z");

  static final class FixedClock implements ToolFactory {
    @Override
    public <T> T create(Class<T> toolClass) {
      return toolClass == TimeTools.class ? toolClass.cast(new TimeTools(Clock.fixed(NOW, ZoneOffset.UTC))) : null;
    }
  }

  private static JsonNode answer(PluginClient client, Map<String, Object> parameters) {
    return client.invoke(TOOL, parameters).assertOk().data();
  }

  @Test
  void isoTimesAreUtcWithMilliseconds(PluginClient client) {
    JsonNode data = answer(client, Map.of("timezone", "Asia/Shanghai"));

    assertThat(data.get("current_time").asText()).isEqualTo("2026-12-03T13:12:57.008Z");
    assertThat(data.get("iso").asText()).isEqualTo("2026-12-03T13:12:57.008Z");
  }

  @Test
  void localeIsTheUsLocaleStringInTheGivenTimezone(PluginClient client) {
    JsonNode data = answer(client, Map.of("timezone", "America/New_York", "format", "locale"));

    assertThat(data.get("current_time").asText()).isEqualTo("12/3/2026, 8:12:57 AM");
    assertThat(data.get("locale").asText()).isEqualTo("12/3/2026, 8:12:57 AM");
  }

  @Test
  void anUnknownTimezoneIsASuccessCarryingTheError(PluginClient client) {
    JsonNode data = answer(client, Map.of("timezone", "Mars/Olympus_Mons"));

    assertThat(data.size()).isEqualTo(1);
    assertThat(data.get("error").asText()).isEqualTo("Invalid time zone specified: Mars/Olympus_Mons");
  }

  @Test
  void anUnknownFormatFallsBackToIso(PluginClient client) {
    JsonNode data = answer(client, Map.of("format", "roman", "timezone", "UTC"));

    assertThat(data.get("format").asText()).isEqualTo("iso");
    assertThat(data.get("current_time").asText()).isEqualTo("2026-12-03T13:12:57.008Z");
  }

  @Test
  void customWithoutAPatternUsesYearMonthDay(PluginClient client) {
    JsonNode data = answer(client, Map.of("format", "custom", "timezone", "UTC"));

    assertThat(data.get("current_time").asText()).isEqualTo("2026-12-03");
    assertThat(data.get("format_pattern").asText()).isEqualTo("yyyy-MM-dd");
  }

  @Test
  void customPatternsReplaceTheOfficialTokensAndKeepEverythingElse(PluginClient client) {
    JsonNode data = answer(client, Map.of("format", "custom", "timezone", "America/New_York",
        "format_pattern", "yy/yyyy-MM-dd HH:mm:ss.SSS bb"));

    assertThat(data.get("current_time").asText()).isEqualTo("26/2026-12-03 08:12:57.008 bb");
  }

  @Test
  void membersComeInTheOfficialOrder(PluginClient client) {
    JsonNode data = answer(client, Map.of("format", "custom", "timezone", "UTC"));

    List<String> names = new ArrayList<>();
    data.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("current_time", "format", "format_pattern", "iso", "locale", "unix", "timezone");
    assertThat(data.get("unix").asLong()).isEqualTo(NOW.getEpochSecond());
  }
}
