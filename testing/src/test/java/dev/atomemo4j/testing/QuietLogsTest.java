package dev.atomemo4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class QuietLogsTest {

  @Test
  void theHubJettyAndTheRuntimeLogOnlyWarningsByDefault() {
    Properties system = new Properties();

    QuietLogs.apply(system);

    assertThat(system).containsEntry("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn")
        .containsEntry("org.slf4j.simpleLogger.log.dev.atomemo4j.devhub", "warn")
        .containsEntry("org.slf4j.simpleLogger.log.dev.atomemo4j.runtime", "warn");
  }

  @Test
  void aLevelTheUserSetIsKept() {
    Properties system = new Properties();
    system.setProperty("org.slf4j.simpleLogger.log.dev.atomemo4j.runtime", "debug");

    QuietLogs.apply(system);

    assertThat(system).containsEntry("org.slf4j.simpleLogger.log.dev.atomemo4j.runtime", "debug");
  }

  @Test
  void verboseKeepsEveryInfoLine() {
    Properties system = new Properties();
    system.setProperty("atomemo4j.test.logs", "verbose");

    QuietLogs.apply(system);

    assertThat(system.stringPropertyNames()).containsExactly("atomemo4j.test.logs");
  }
}
