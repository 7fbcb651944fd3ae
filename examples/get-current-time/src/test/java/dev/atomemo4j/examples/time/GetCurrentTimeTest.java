package dev.atomemo4j.examples.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.testing.PluginClient;
import dev.atomemo4j.testing.PluginTest;
import dev.atomemo4j.testing.ToolResult;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tool as the Hub calls it: over the socket of an in-process dev hub, parameters checked by the runtime. */
@PluginTest(GetCurrentTime.class)
class GetCurrentTimeTest {
  private static final String TOOL = "get-current-time";

  @Test
  void isoIsTheCurrentInstant(PluginClient client) {
    Instant before = Instant.now();
    JsonNode data = client.invoke(TOOL, Map.of("format", "iso", "timezone", "UTC")).assertOk().data();
    Instant after = Instant.now();

    Instant answered = Instant.parse(data.get("current_time").asText());
    assertThat(answered).isBetween(before, after);
    assertThat(data.get("format").asText()).isEqualTo("iso");
    assertThat(data.get("timezone").asText()).isEqualTo("UTC");
    assertThat(data.get("iso").asText()).isEqualTo(data.get("current_time").asText());
    assertThat(data.get("unix").asLong()).isEqualTo(answered.getEpochSecond());
  }

  @Test
  void withoutParametersItAnswersIsoInTheSystemTimezone(PluginClient client) {
    JsonNode data = client.invoke(TOOL, Map.of()).assertOk().data();

    assertThat(data.get("format").asText()).isEqualTo("iso");
    assertThat(data.get("timezone").asText()).isEqualTo(ZoneId.systemDefault().getId());
    assertThat(Instant.parse(data.get("current_time").asText())).isNotNull();
  }

  @Test
  void unixIsANumberOfSeconds(PluginClient client) {
    long before = Instant.now().getEpochSecond();
    JsonNode data = client.invoke(TOOL, Map.of("format", "unix")).assertOk().data();
    long after = Instant.now().getEpochSecond();

    assertThat(data.get("current_time").isIntegralNumber()).as(data.toString()).isTrue();
    assertThat(data.get("current_time").asLong()).isBetween(before, after);
  }

  @Test
  void aCustomPatternFormatsTheTimeInTheGivenTimezone(PluginClient client) {
    ToolResult r = client.invoke(TOOL, Map.of("timezone", "Asia/Shanghai", "format", "custom",
        "format_pattern", "yyyy-MM-dd HH:mm:ss"));

    JsonNode data = r.assertOk().data();
    String expected = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US)
        .format(Instant.ofEpochSecond(data.get("unix").asLong()).atZone(ZoneId.of("Asia/Shanghai")));
    assertThat(data.get("current_time").asText()).isEqualTo(expected);
    assertThat(data.get("format_pattern").asText()).isEqualTo("yyyy-MM-dd HH:mm:ss");
    assertThat(data.get("timezone").asText()).isEqualTo("Asia/Shanghai");
  }

  @Test
  void aParameterOfTheWrongTypeIsRefusedBeforeTheToolRuns(PluginClient client) {
    ToolResult r = client.invoke(TOOL, Map.of("timezone", 42));

    r.assertError("sdk:invalid_parameter");
    assertThat(r.error().raw().toString()).contains("timezone");
  }
}
