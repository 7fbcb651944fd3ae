package dev.atomemo4j.cli;

/** Exit codes shared by every subcommand. */
final class ExitCodes {
  private ExitCodes() {}

  /** Everything checked out. */
  static final int OK = 0;
  /** The input was read, and it breaks rules of the format. */
  static final int INVALID = 1;
  /** The input could not be read at all: missing, a directory, not JSON, not an object, empty. */
  static final int BAD_INPUT = 2;
}
