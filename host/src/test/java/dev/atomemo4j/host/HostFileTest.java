package dev.atomemo4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.atomemo4j.core.lifecycle.CallKind;
import dev.atomemo4j.core.lifecycle.InvalidConfigException;
import dev.atomemo4j.host.testplugins.GlossaryPluginRegistry;
import dev.atomemo4j.host.testplugins.TicketsConfig;
import dev.atomemo4j.host.testsupport.RecordingLogs;
import dev.atomemo4j.runtime.PluginStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFileTest {
  private static final String SECRET = "sk-FILEMARKER-93ab";

  private static HostFile parse(String yaml, Map<String, String> env) {
    return HostFile.parse(yaml, "host.yaml", env, HostFileTest.class.getClassLoader());
  }

  private static InvalidConfigException startFails(HostFile file) {
    Throwable thrown = catchThrowable(() -> file.toBuilder().start());
    assertThat(thrown).isInstanceOf(InvalidConfigException.class);
    return (InvalidConfigException) thrown;
  }

  @Test
  void pluginsAreFoundByNameOrRegistryClassAndSecretsComeFromTheEnvironment(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("host.yaml");
    Files.writeString(file, String.join("\n",
        "plugins:",
        "  - plugin: tickets",
        "    config:",
        "      apiUrl: ${TICKETS_URL:-https://tickets.example}",
        "      apiKey: ${TICKETS_KEY}",
        "  - registry: " + GlossaryPluginRegistry.class.getName(),
        "    timeouts:",
        "      context-load: 2s"));
    try (PluginHost host = HostFile.read(file, Map.of("TICKETS_KEY", SECRET)).toBuilder().start()) {
      TicketsConfig config = (TicketsConfig) host.plugin("tickets").config();
      assertThat(config.apiUrl()).isEqualTo("https://tickets.example");
      assertThat(config.apiKey().reveal()).isEqualTo(SECRET);
      assertThat(host.plugin("glossary").deadline(CallKind.CONTEXT_LOAD))
          .hasSeconds(2);
      assertThat(host.context()).startsWith("Glossary edition");
    }
  }

  @Test
  void hostFileDirNamesTheFilesOwnDirectoryUnlessTheEnvironmentSetsIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("host.yaml");
    Files.writeString(file, String.join("\n",
        "plugins:",
        "  - plugin: tickets",
        "    config:",
        "      apiUrl: https://files.test${HOST_FILE_DIR}/tickets",
        "      apiKey: ${TICKETS_KEY}"));

    try (PluginHost host = HostFile.read(file, Map.of("TICKETS_KEY", SECRET)).toBuilder().start()) {
      assertThat(((TicketsConfig) host.plugin("tickets").config()).apiUrl())
          .isEqualTo("https://files.test" + dir.toAbsolutePath().normalize() + "/tickets");
    }
    try (PluginHost host = HostFile.read(file, Map.of("TICKETS_KEY", SECRET, "HOST_FILE_DIR", "/srv"))
        .toBuilder().start()) {
      assertThat(((TicketsConfig) host.plugin("tickets").config()).apiUrl()).isEqualTo("https://files.test/srv/tickets");
    }
  }

  @Test
  void fileProblemsAndConfigProblemsArriveInOneExceptionWithoutValues() {
    HostFile file = parse(String.join("\n",
        "helth: {}",
        "plugins:",
        "  - plugin: tikets",
        "  - plugin: tickets",
        "    config:",
        "      apiUrl: ftp://x",
        "      apiKey: ${MISSING_KEY}",
        "      maxResults: 0",
        "    timeouts:",
        "      healthz: 1s"), Map.of("UNRELATED", SECRET));
    InvalidConfigException e = startFails(file);
    assertThat(e.problems()).extracting(p -> p.path() + " " + p.code()).containsExactly(
        "helth host:unknown_key",
        "plugins[0].plugin host:unknown_plugin_name",
        "plugins.tickets.timeouts.healthz host:unknown_key",
        "plugins.tickets.config.apiKey host:undefined_variable",
        "plugins.tickets.config.apiUrl config:pattern",
        "plugins.tickets.config.maxResults config:min");
    assertThat(e.problems().get(1).message()).contains("did you mean `tickets`");
    assertThat(e.problems().get(3).message()).contains("MISSING_KEY");
    assertThat(e.getMessage()).doesNotContain(SECRET);
  }

  @Test
  void aSecretThatFailsToDecodeIsNeverEchoedInTheErrorOrTheLogs() {
    HostFile file = parse(String.join("\n",
        "plugins:",
        "  - plugin: tickets",
        "    config:",
        "      apiUrl: https://t.example",
        "      apiKey:",
        "        nested: ${KEY}"), Map.of("KEY", SECRET));
    InvalidConfigException e = startFails(file);
    assertThat(e.problems()).extracting(p -> p.path() + " " + p.code())
        .containsExactly("plugins.tickets.config.apiKey config:invalid_type");
    assertThat(e.getMessage()).doesNotContain(SECRET);
    assertThat(RecordingLogs.all()).doesNotContain(SECRET);
  }

  @Test
  void aValueFromTheEnvironmentInAWrongFieldIsNotQuotedEvenWhenTheFieldIsNotSecret() {
    HostFile file = parse(String.join("\n",
        "plugins:",
        "  - plugin: tickets",
        "    config:",
        "      apiUrl: https://t.example",
        "      apiKey: k",
        "      maxResults: ${KEY}"), Map.of("KEY", SECRET));
    InvalidConfigException e = startFails(file);
    assertThat(e.problems()).extracting(p -> p.path() + " " + p.code() + " " + p.message()).containsExactly(
        "plugins.tickets.config.maxResults config:invalid_type must be an integer (the value comes from the "
            + "environment and is not shown)");
    assertThat(e.getMessage()).doesNotContain(SECRET);
  }

  @Test
  void aDefaultAppliesOnlyWhenTheVariableIsUnsetAndDollarDollarEscapes() {
    HostFile file = parse(String.join("\n",
        "plugins:",
        "  - plugin: tickets",
        "    config:",
        "      apiUrl: https://t.example/$${literal}",
        "      apiKey: ${KEY:-fallback}"), Map.of("KEY", SECRET));
    try (PluginHost host = file.toBuilder().start()) {
      TicketsConfig config = (TicketsConfig) host.plugin("tickets").config();
      assertThat(config.apiUrl()).isEqualTo("https://t.example/${literal}");
      assertThat(config.apiKey().reveal()).isEqualTo(SECRET);
    }
  }

  @Test
  void aMalformedReferenceIsAProblemAtItsPath() {
    HostFile file = parse(String.join("\n",
        "http:",
        "  host: ${UNCLOSED",
        "  port: ${1BAD}"), Map.of());
    assertThat(file.problems()).extracting(p -> p.path() + " " + p.code()).containsExactly(
        "http.host host:invalid_reference",
        "http.port host:invalid_reference",
        "http.port host:invalid_setting");
  }

  @Test
  void aPluginDisabledInTheFileStartsDisabledAndLoadsItsContextWhenEnabled() {
    HostFile file = parse(String.join("\n",
        "plugins:",
        "  - plugin: glossary",
        "    enabled: false"), Map.of());
    try (PluginHost host = file.toBuilder().start()) {
      assertThat(host.plugin("glossary").enabled()).isFalse();
      assertThat(host.context()).isEmpty();
      host.enable("glossary");
      assertThat(host.context()).startsWith("Glossary edition 1");
    }
  }

  @Test
  void hostSettingsAreReadWithTheirUnits() {
    HostFile file = parse(String.join("\n",
        "http:",
        "  port: ${PORT:-0}",
        "health:",
        "  interval: 2m",
        "  cacheTtl: 301s",
        "deadlines:",
        "  initialize: 500ms",
        "  maximum: soon"), Map.of());
    assertThat(file.problems()).extracting(p -> p.path() + " " + p.code()).containsExactly(
        "health.cacheTtl host:invalid_setting",
        "deadlines.maximum host:invalid_setting");
  }

  @Test
  void serveStartsTheFilesHostWithItsAdminApiAndBlocksUntilItIsClosed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("host.yaml");
    Files.writeString(file, String.join("\n",
        "http:",
        "  port: 0",
        "plugins:",
        "  - plugin: glossary"));
    CompletableFuture<PluginHost> started = new CompletableFuture<>();
    CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
      try {
        PluginHost.serve(file, Map.of(), started::complete);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    PluginHost host = started.get(10, TimeUnit.SECONDS);
    assertThat(host.adminUrl()).isPresent();
    assertThat(served).isNotDone();
    host.close();
    served.get(10, TimeUnit.SECONDS);
    assertThat(host.plugin("glossary").status()).isEqualTo(PluginStatus.TEARDOWN);
  }

  @Test
  void aFileThatIsNotYamlIsReportedAtOnce() {
    Throwable thrown = catchThrowable(() -> parse("plugins: [unclosed", Map.of()));
    assertThat(thrown).isInstanceOf(InvalidConfigException.class);
    assertThat(((InvalidConfigException) thrown).problems()).extracting(p -> p.code())
        .containsExactly("host:unreadable_file");
  }
}
