package dev.atomemo4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The benchmarks, which live in the checkout's {@code benchmarks} module and are built and run by
 * {@code benchmarks/run.sh}. The {@code ./atomemo4j} launcher runs that script directly (so the CLI jar need not be
 * built first); this command lists {@code bench} in the help and does the same from the jar.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    header = "Runs the benchmarks and writes their ratios as a Markdown table.",
    description = {
        "Builds the benchmarks module and runs every measure side by side with its baseline (about 4-6 minutes on",
        "2 cores), writing benchmarks/results/latest.md; --smoke runs tiny counts in under a minute and writes",
        "benchmarks/target/smoke.md. Needs the atomemo4j checkout (ATOMEMO4J_HOME, or found from the jar)."})
final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--smoke", description = "tiny counts: checks that every benchmark runs, measures nothing")
  boolean smoke;

  @Option(names = "--only", paramLabel = "N,M", split = ",", description = "run only these measures, e.g. 3,4")
  List<String> only = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE", description = "where to write the table")
  Path out;

  @Option(names = "--verbose", description = "print each measurement as it is taken")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Path script = Roots.checkout().resolve("benchmarks/run.sh");
    if (!Files.isRegularFile(script)) {
      err.println("atomemo4j: the benchmarks are not here: " + script + " is missing; run bench from the atomemo4j"
          + " checkout, or set ATOMEMO4J_HOME to it");
      return ExitCodes.BAD_INPUT;
    }
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    if (smoke) {
      command.add("--smoke");
    }
    if (!only.isEmpty()) {
      command.addAll(List.of("--only", String.join(",", only)));
    }
    if (out != null) {
      command.addAll(List.of("--out", out.toAbsolutePath().toString()));
    }
    if (verbose) {
      command.add("--verbose");
    }
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }
}
