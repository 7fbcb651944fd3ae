package dev.atomemo4j.cli;

import dev.atomemo4j.model.io.DefinitionWriter;
import dev.atomemo4j.model.io.ReadResult;
import dev.atomemo4j.model.validate.DefinitionValidator;
import dev.atomemo4j.model.validate.Violation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "format",
    mixinStandardHelpOptions = true,
    header = "Prints a definition.json's canonical bytes, as the official JS SDK writes them.",
    description = {
        "Prints the canonical bytes of a definition.json on standard output: exactly what the official JS SDK",
        "writes (the plugin's members in the file's order, every other object in schema key order, two-space",
        "indent, no final newline, unknown members dropped).",
        "Violations of the format's rules are listed on standard error and make the exit status 1."})
final class FormatCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Parameters(arity = "1", paramLabel = "FILE", description = "a definition.json file")
  Path file;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    ReadResult read;
    try {
      read = DefinitionFile.read(file);
    } catch (DefinitionFile.Unreadable e) {
      err.println("atomemo4j: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    if (!read.lossless()) {
      // Printing would silently drop the elements we could not read; refuse instead.
      read.problems().forEach(v -> err.println(file + ": " + v));
      err.println("atomemo4j: " + file + " was not formatted: fix the problems above first");
      return ExitCodes.INVALID;
    }
    // The plugin object keeps the author's member order (as the JS SDK writes it); all else is the schema's.
    byte[] bytes = DefinitionWriter.toBytes(read.definition().orElseThrow(), read.pluginMemberOrder());
    PrintStream stdout = main.stdout;
    stdout.write(bytes);
    stdout.flush();
    List<Violation> violations = DefinitionValidator.validate(read.definition().orElseThrow());
    read.problems().forEach(v -> err.println(file + ": " + v + " (warning)"));
    violations.forEach(v -> err.println(file + ": " + v));
    err.flush();
    return violations.stream().anyMatch(Violation::isError) ? ExitCodes.INVALID : ExitCodes.OK;
  }
}
