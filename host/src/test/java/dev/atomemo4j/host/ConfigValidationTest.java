package dev.atomemo4j.host;

import static dev.atomemo4j.host.testplugins.HandWrittenRegistry.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.core.lifecycle.ConfigInput;
import dev.atomemo4j.core.lifecycle.InvalidConfigException;
import dev.atomemo4j.core.lifecycle.PluginSpec;
import dev.atomemo4j.host.testplugins.TicketsConfig;
import dev.atomemo4j.host.testplugins.TicketsPlugin;
import dev.atomemo4j.host.testplugins.TicketsPluginRegistry;
import dev.atomemo4j.host.testsupport.RecordingLogs;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.spi.ConfigViolation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConfigValidationTest {
  private static final String SECRET = "sk-MARKER-5f1c2e";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static InvalidConfigException startFails(PluginHost.Builder builder) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(builder::start);
    assertThat(thrown).isInstanceOf(InvalidConfigException.class);
    return (InvalidConfigException) thrown;
  }

  private static List<String> pathsAndCodes(InvalidConfigException e) {
    return e.problems().stream().map(p -> p.path() + " " + p.code()).toList();
  }

  @Test
  void aValidTypedConfigReachesThePluginThroughItsContext() {
    TicketsConfig config = new TicketsConfig("https://t.example", Secret.of(SECRET), 20);
    try (PluginHost host = PluginHost.builder().plugin(TicketsPlugin.class, config).start()) {
      assertThat(TicketsPlugin.LAST_CONFIG.get()).isSameAs(config);
      assertThat(host.plugin("tickets").config()).isSameAs(config);
    }
  }

  @Test
  void everyBrokenConstraintOfATypedConfigIsReportedWithItsPathAndCode() {
    InvalidConfigException e = startFails(PluginHost.builder()
        .plugin(new TicketsPluginRegistry(), new TicketsConfig("ftp://nope", Secret.of(""), 500)));
    assertThat(e.code()).isEqualTo("host:invalid_config");
    assertThat(pathsAndCodes(e)).containsExactly(
        "plugins.tickets.config.apiUrl config:pattern",
        "plugins.tickets.config.apiKey config:not_blank",
        "plugins.tickets.config.maxResults config:max");
  }

  @Test
  void problemsOfAllPluginsAndDuplicateIdsArriveInOneExceptionAndNothingIsConstructed() {
    AtomicInteger created = new AtomicInteger();
    var first = plugin("alpha").config(TicketsConfig.BINDING).factory(c -> created.incrementAndGet()).registry();
    var second = plugin("beta").config(TicketsConfig.BINDING).factory(c -> created.incrementAndGet()).registry();
    InvalidConfigException e = startFails(PluginHost.builder()
        .plugin(first, new TicketsConfig("", Secret.of(SECRET), 10))
        .plugin(second, new TicketsConfig("https://ok", null, 0))
        .plugin(plugin("beta").registry())
        .plugin(plugin(" ").registry()));
    assertThat(pathsAndCodes(e)).containsExactly(
        "plugins.alpha.config.apiUrl config:not_blank",
        "plugins.beta.config.apiKey config:not_null",
        "plugins.beta.config.maxResults config:min",
        "plugins.beta host:duplicate_id",
        "plugins[3] host:empty_id");
    assertThat(created).hasValue(0);
  }

  @Test
  void aPluginThatDeclaresAConfigAndGetsNoneIsAClearError() {
    InvalidConfigException e = startFails(PluginHost.builder().plugin(new TicketsPluginRegistry()));
    assertThat(pathsAndCodes(e)).containsExactly("plugins.tickets.config host:missing_config");
    assertThat(e.problems().get(0).message()).contains("TicketsConfig").contains("apiUrl, apiKey");
  }

  @Test
  void aPluginThatDeclaresNoConfigAndGetsOneIsAClearError() {
    InvalidConfigException e = startFails(PluginHost.builder().plugin(plugin("plain").registry(), "stray"));
    assertThat(pathsAndCodes(e)).containsExactly("plugins.plain.config host:unexpected_config");
  }

  @Test
  void aConfigOfTheWrongRecordTypeIsReported() {
    InvalidConfigException e = startFails(PluginHost.builder().plugin(new TicketsPluginRegistry(), "a string"));
    assertThat(pathsAndCodes(e)).containsExactly("plugins.tickets.config host:config_type");
  }

  @Test
  void aJsonConfigReportsMissingUnknownAndWrongTypedKeysAndBrokenChecksTogether() throws Exception {
    PluginSpec spec = PluginSpec.of(new TicketsPluginRegistry().descriptor(), ConfigInput.tree(JSON.readTree(
        "{\"apiUrl\": \"not-a-url\", \"maxResults\": \"ten\", \"apiUrll\": 1}")));
    InvalidConfigException e = startFails(PluginHost.builder().plugin(spec));
    assertThat(pathsAndCodes(e)).containsExactly(
        "plugins.tickets.config.apiKey config:required",
        "plugins.tickets.config.maxResults config:invalid_type",
        "plugins.tickets.config.apiUrll config:unknown_key",
        "plugins.tickets.config.apiUrl config:pattern");
    assertThat(e.problems().get(2).message()).contains("did you mean `apiUrl`");
  }

  @Test
  void aJsonConfigIsConstructedThroughItsShapeWithDefaultsForAbsentKeys() throws Exception {
    PluginSpec spec = PluginSpec.of(new TicketsPluginRegistry().descriptor(), ConfigInput.tree(JSON.readTree(
        "{\"apiUrl\": \"https://t.example\", \"apiKey\": \"" + SECRET + "\"}")));
    try (PluginHost host = PluginHost.builder().plugin(spec).start()) {
      TicketsConfig config = (TicketsConfig) host.plugin("tickets").config();
      assertThat(config.maxResults()).isEqualTo(10);
      assertThat(config.apiKey().reveal()).isEqualTo(SECRET);
    }
  }

  @Test
  void aSecretOfTheWrongTypeIsReportedWithoutItsValue() throws Exception {
    PluginSpec spec = PluginSpec.of(new TicketsPluginRegistry().descriptor(), ConfigInput.tree(JSON.readTree(
        "{\"apiUrl\": \"https://t.example\", \"apiKey\": [\"" + SECRET + "\"]}")));
    InvalidConfigException e = startFails(PluginHost.builder().plugin(spec));
    assertThat(pathsAndCodes(e)).containsExactly("plugins.tickets.config.apiKey config:invalid_type");
    assertThat(e.getMessage()).doesNotContain(SECRET);
    assertThat(RecordingLogs.all()).doesNotContain(SECRET);
  }

  @Test
  void theMessageListsEveryProblemOnItsOwnLine() {
    InvalidConfigException e = startFails(PluginHost.builder()
        .plugin(new TicketsPluginRegistry(), new TicketsConfig("", Secret.of(SECRET), 0)));
    assertThat(e.getMessage()).startsWith("2 problems in the plugin configuration; nothing was started:")
        .contains("\n  - plugins.tickets.config.apiUrl: must not be blank [config:not_blank]")
        .endsWith("[host:invalid_config]")
        .doesNotContain(SECRET);
    assertThat(e.problems()).extracting(ConfigViolation::code).containsExactly("config:not_blank", "config:min");
  }

  @Test
  void aPluginClassWithoutAGeneratedRegistryIsReportedWithTheOtherProblems() {
    assertThatThrownBy(() -> PluginHost.builder().plugin(String.class).start())
        .isInstanceOf(InvalidConfigException.class)
        .satisfies(t -> assertThat(pathsAndCodes((InvalidConfigException) t))
            .containsExactly("plugins.String host:no_registry"));
  }
}
