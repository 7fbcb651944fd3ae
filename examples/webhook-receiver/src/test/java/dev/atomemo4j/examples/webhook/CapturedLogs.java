package dev.atomemo4j.examples.webhook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Everything slf4j-simple writes from now on: it prints to whatever {@code System.err} is at each call, so
 * replacing the stream captures the host's and the plugin's logs (all levels the test's simplelogger.properties
 * enables) and keeps them out of the build log.
 */
final class CapturedLogs {
  private static final ByteArrayOutputStream BUFFER = new ByteArrayOutputStream();

  static {
    System.setErr(new PrintStream(BUFFER, true, StandardCharsets.UTF_8));
  }

  private CapturedLogs() {}

  /** Installs the capture (once per JVM); call before the first host starts. */
  static void install() {
    // the static initializer did it
  }

  static String text() {
    synchronized (BUFFER) {
      return BUFFER.toString(StandardCharsets.UTF_8);
    }
  }
}
