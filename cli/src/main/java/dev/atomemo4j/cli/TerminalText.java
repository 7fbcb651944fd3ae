package dev.atomemo4j.cli;

import java.util.regex.Pattern;

/** Text from other programs made fit for our own output. */
final class TerminalText {
  /**
   * ANSI control sequences (CSI: ESC [ parameters intermediates final). Some Maven builds print colour resets such
   * as {@code ESC[0m} even in batch mode, which show up as {@code [0m} in logs and terminals that do not interpret
   * them.
   */
  private static final Pattern CONTROL_SEQUENCE = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");

  private TerminalText() {}

  /** The line without ANSI control sequences. */
  static String strip(String line) {
    return line.indexOf('\u001B') < 0 ? line : CONTROL_SEQUENCE.matcher(line).replaceAll("");
  }
}
