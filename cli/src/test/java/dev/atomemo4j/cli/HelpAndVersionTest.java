package dev.atomemo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a newcomer sees first: the command list, each command's help, and the version. */
class HelpAndVersionTest {

  /** The "Commands:" section of the top-level help: name → its summary, continuation lines joined. */
  private static Map<String, String> commandList() {
    CliRun run = CliRun.of("--help");
    assertThat(run.status()).isZero();
    List<String> lines = run.stdout().lines().toList();
    Map<String, String> commands = new LinkedHashMap<>();
    String current = null;
    for (String line : lines.subList(lines.indexOf("Commands:") + 1, lines.size())) {
      if (line.startsWith("  ") && !line.startsWith("    ")) {
        String[] parts = line.trim().split("\\s+", 2);
        current = parts[0];
        commands.put(current, parts.length > 1 ? parts[1] : "");
      } else if (current != null) {
        commands.put(current, commands.get(current) + " " + line.trim());
      }
    }
    return commands;
  }

  @Test
  void theCommandListNamesEveryCommandIncludingBench() {
    Set<String> commands = new picocli.CommandLine(new Main(System.out)).getSubcommands().keySet();

    assertThat(commandList().keySet()).containsExactlyInAnyOrderElementsOf(commands).contains("bench", "dev");
  }

  @Test
  void eachCommandIsSummedUpInOneWholeSentence() {
    List<String> cut = new ArrayList<>();
    commandList().forEach((name, summary) -> {
      if (!summary.endsWith(".") || summary.indexOf(". ") >= 0) {
        cut.add(name + ": " + summary);
      }
    });
    assertThat(cut).as("summaries cut mid-sentence or longer than one sentence").isEmpty();
  }

  @Test
  void versionPrintsTheVersionTheCommandWasBuiltAs() {
    CliRun run = CliRun.of("-V");

    assertThat(run.status()).isZero();
    assertThat(run.stdout()).isEqualTo("atomemo4j " + System.getProperty("atomemo4j.project.version") + "\n");
  }

  @Test
  void subcommandsPrintTheSameVersion() {
    assertThat(CliRun.of("dev", "--version").stdout()).isEqualTo(CliRun.of("--version").stdout());
  }

  @Test
  void benchHelpPrintsItsOptionsWithoutRunningAnything() {
    CliRun run = CliRun.of("bench", "--help");

    assertThat(run.status()).isZero();
    assertThat(run.stdout()).startsWith("Runs the benchmarks and writes their ratios as a Markdown table.\n"
        + "Usage: atomemo4j bench").contains("--smoke").contains("--only").contains("--out");
    assertThat(run.stderr()).isEmpty();
  }

  @Test
  void invokeWithAHubThatIsNotAUrlSaysWhatAUrlLooksLike() {
    CliRun run = CliRun.of("invoke", "get-current-time", "get-current-time", "--hub", "not-a-url");

    assertThat(run.status()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).isEqualTo("atomemo4j: --hub must be the dev hub's http:// URL, e.g. "
        + "http://127.0.0.1:4000 (as atomemo4j dev prints it); got \"not-a-url\"\n");
  }

  @Test
  void invokeWithAHubOfAnotherSchemeIsRefusedTheSameWay() {
    CliRun run = CliRun.of("invoke", "p-plugin", "t-tool", "--hub", "ws://127.0.0.1:4000");

    assertThat(run.status()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).startsWith("atomemo4j: --hub must be the dev hub's http:// URL");
  }
}
