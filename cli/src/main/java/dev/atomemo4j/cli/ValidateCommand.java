package dev.atomemo4j.cli;

import dev.atomemo4j.model.io.ReadResult;
import dev.atomemo4j.model.validate.DefinitionValidator;
import dev.atomemo4j.model.validate.Violation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Checks definition.json files against every rule of the definition format.",
    description = {
        "Checks definition.json files against every rule of the Atomemo definition format.",
        "Prints `OK <file>` or one line per violation: `<file>: <pointer> [<code>] <message>`.",
        "Exit status: 0 all valid, 1 violations found, 2 a file could not be read."})
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "definition.json files")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int status = ExitCodes.OK;
    for (Path file : files) {
      ReadResult read;
      try {
        read = DefinitionFile.read(file);
      } catch (DefinitionFile.Unreadable e) {
        err.println("atomemo4j: " + e.getMessage());
        status = ExitCodes.BAD_INPUT;
        continue;
      }
      List<Violation> violations = new ArrayList<>(read.problems());
      if (read.lossless()) {
        // Pointers from the validator match the file only when nothing had to be left out while reading.
        violations.addAll(DefinitionValidator.validate(read.definition().orElseThrow()));
      }
      boolean valid = violations.stream().noneMatch(Violation::isError);
      for (Violation v : violations) {
        out.println(file + ": " + v + (v.isError() ? "" : " (warning)"));
      }
      if (valid) {
        out.println("OK " + file);
      } else if (status == ExitCodes.OK) {
        status = ExitCodes.INVALID;
      }
    }
    out.flush();
    return status;
  }
}
