package dev.atomemo4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code atomemo4j} command. */
@Command(
    name = "atomemo4j",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    // Subcommands inherit the version provider, so that `atomemo4j dev -V` prints the version too.
    scope = CommandLine.ScopeType.INHERIT,
    description = "Build, check and run Atomemo Plugin Hub plugins written in Java.",
    subcommands = {ValidateCommand.class, FormatCommand.class, DevCommand.class, InvokeCommand.class,
        DemoCommand.class, InitCommand.class, HostCommand.class, McpCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {

  /** Raw standard output, for commands that print exact bytes (format). */
  final PrintStream stdout;

  Main(PrintStream stdout) {
    this.stdout = stdout;
  }

  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /**
   * Runs the command line and returns the exit code. Text goes out as UTF-8 whatever the platform's default
   * charset, so messages and formatted definitions survive a POSIX locale.
   */
  public static int run(PrintStream stdout, PrintStream stderr, String... args) {
    CommandLine cli = new CommandLine(new Main(stdout));
    cli.setOut(new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true));
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      // A bug of ours must still end in one readable line, not a stack trace.
      commandLine.getErr().println("atomemo4j: internal error: " + ex
          + " (please report it at the atomemo4j issue tracker)");
      return ExitCodes.BAD_INPUT;
    });
    int status = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    return status;
  }

  /** The version the build wrote into {@code version.properties} (the shaded jar has no Implementation-Version). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"atomemo4j " + version()};
    }

    static String version() {
      Properties properties = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        // fall through to "unknown"
      }
      String v = properties.getProperty("version", "");
      // An unfiltered resource (an IDE build) still says ${project.version}.
      return v.isEmpty() || v.startsWith("$") ? "(unknown version: not built by Maven)" : v;
    }
  }
}
