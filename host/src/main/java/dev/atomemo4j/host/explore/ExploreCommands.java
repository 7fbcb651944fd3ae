package dev.atomemo4j.host.explore;

/**
 * The explore validation: what every command must be before a backend sees it, checked on the agent's command and
 * again on every {@code beforeExplore} rewrite (atlas-features.md §16 row 9). It keeps out what no shell command
 * line needs and what a backend could mishandle: nothing to run, a NUL (which C programs such as {@code sh} and
 * {@code bwrap} would read as the end of the string, so a hook's check and the shell would see different
 * commands), and a command too long to be a command.
 */
public final class ExploreCommands {
  /** The longest command accepted, in characters. */
  public static final int MAX_LENGTH = 8192;

  private ExploreCommands() {}

  /**
   * Null when the command is acceptable, else why not.
   *
   * @param what names the command in the reason ("the command", "the rewrite by plugin x")
   */
  public static String problem(String command, String what) {
    if (command == null) {
      return what + " is missing";
    }
    if (command.isBlank()) {
      return what + " is empty";
    }
    if (command.indexOf('\0') >= 0) {
      return what + " holds a NUL character";
    }
    if (command.length() > MAX_LENGTH) {
      return what + " is " + command.length() + " characters long; at most " + MAX_LENGTH + " are accepted";
    }
    return null;
  }

  /**
   * The command, or {@code explore:invalid_command}.
   *
   * @throws ExploreException {@code explore:invalid_command}
   */
  public static String require(String command, String what) {
    String problem = problem(command, what);
    if (problem != null) {
      throw new ExploreException(ExploreException.INVALID_COMMAND, problem);
    }
    return command;
  }
}
