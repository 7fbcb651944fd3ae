package dev.atomemo4j.testing;

import java.util.List;
import java.util.Properties;

/**
 * Keeps a test run's output to what the tests say: the in-process dev hub, Jetty and the runtime log a dozen INFO
 * lines per test class as they start and stop, which bury the test results. With slf4j-simple (what the archetype's
 * projects use) levels are system properties read when each logger is created, so setting them before the hub and
 * the plugin start is enough; other logging backends are configured as usual and unaffected.
 *
 * <p>Only defaults: a level the user set stays, and {@code -Datomemo4j.test.logs=verbose} keeps every INFO line.
 * Warnings and errors always show.
 */
final class QuietLogs {
  static final String SWITCH = "atomemo4j.test.logs";
  static final List<String> NOISY = List.of("org.eclipse.jetty", "dev.atomemo4j.devhub", "dev.atomemo4j.runtime",
      "dev.atomemo4j.core", "dev.atomemo4j.host");
  private static final String PREFIX = "org.slf4j.simpleLogger.log.";

  private QuietLogs() {}

  static void apply(Properties system) {
    if ("verbose".equalsIgnoreCase(system.getProperty(SWITCH))) {
      return;
    }
    for (String logger : NOISY) {
      system.putIfAbsent(PREFIX + logger, "warn");
    }
  }
}
