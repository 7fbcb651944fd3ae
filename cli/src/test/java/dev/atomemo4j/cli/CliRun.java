package dev.atomemo4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the command line, with everything it printed. */
record CliRun(int status, byte[] stdoutBytes, String stderr) {

  static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new CliRun(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  String stdout() {
    return new String(stdoutBytes, StandardCharsets.UTF_8);
  }
}
