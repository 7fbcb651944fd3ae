package dev.atomemo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code atomemo4j init}, with a recording stand-in for Maven: no Maven is run here. */
class InitCommandTest {

  @TempDir Path dir;

  /** Every Maven run the command asked for. */
  private final List<List<String>> mavenRuns = new ArrayList<>();
  private final List<Path> mavenDirectories = new ArrayList<>();
  private int mavenStatus;
  private List<String> mavenOutput = List.of();

  private final InitCommand.Maven recordingMaven = (workingDirectory, arguments, output) -> {
    mavenRuns.add(arguments);
    mavenDirectories.add(workingDirectory);
    mavenOutput.forEach(output);
    return mavenStatus;
  };

  private record Run(int status, String stdout, String stderr) {}

  /** Not registered in Main yet: runs the command class itself, as Main would. */
  private Run init(InitCommand.Maven maven, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new InitCommand(maven));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int status = cli.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  private Run init(String... args) {
    return init(recordingMaven, args);
  }

  @Test
  void aNameWithTwoSeparatorsInARowIsRefusedWithTheRuleAndExitTwoWithoutRunningMaven() {
    Run run = init("my__plugin", "--directory", dir.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("atomemo4j: NAME \"my__plugin\" is not a valid plugin name: it has two of "
        + "`_`/`-` in a row (the Hub uses `__` to separate the name from the version) (plugin names are 5–65 ASCII "
        + "letters, digits, single `_` or `-`, starting with a letter and ending with a letter or digit; e.g. "
        + "my-plugin)\n");
    assertThat(mavenRuns).isEmpty();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void everyWayANameCanBeWrongIsExplainedInOneLine() {
    assertThat(init("abc").stderr()).contains("NAME \"abc\" is not a valid plugin name: it has 3 characters; names "
        + "have 5 to 65");
    assertThat(init("1plugin").stderr()).contains("it must start with a letter");
    assertThat(init("plugin-").stderr()).contains("it must end with a letter or digit");
    assertThat(init("my_-plugin").stderr()).contains("it has two of `_`/`-` in a row");
    assertThat(init("my.plugin").stderr()).contains("only ASCII letters, digits, `_` and `-` are allowed");
    assertThat(init("a".repeat(66)).stderr()).contains("it has 66 characters");
    for (String bad : List.of("abc", "1plugin", "plugin-", "my_-plugin", "my.plugin")) {
      Run run = init(bad);
      assertThat(run.status()).as(bad).isEqualTo(2);
      assertThat(run.stderr()).as(bad).hasLineCount(1).doesNotContain("\tat ");
    }
    assertThat(mavenRuns).isEmpty();
  }

  @Test
  void badGroupIdsAndPackagesAreRefusedBeforeMaven() {
    Run groupId = init("my-plugin", "--group-id", "com example");
    assertThat(groupId.status()).isEqualTo(2);
    assertThat(groupId.stderr()).startsWith("atomemo4j: --group-id \"com example\" is not a Maven groupId");

    Run pkg = init("my-plugin", "--package", "com.example.class");
    assertThat(pkg.status()).isEqualTo(2);
    assertThat(pkg.stderr()).startsWith("atomemo4j: --package \"com.example.class\" is not a Java package name");

    Run derived = init("my-plugin", "--group-id", "com.acme-corp");
    assertThat(derived.status()).isEqualTo(2);
    assertThat(derived.stderr()).startsWith("atomemo4j: the package would be \"com.acme-corp.myplugin\"")
        .contains("pass --package");

    assertThat(mavenRuns).isEmpty();
  }

  @Test
  void anExistingProjectDirectoryIsNotOverwritten() throws Exception {
    Files.createDirectory(dir.resolve("my-plugin"));

    Run run = init("my-plugin", "--directory", dir.toString(), "--atomemo4j-version", "1.2.3");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("atomemo4j: " + dir.resolve("my-plugin") + " already exists; choose another "
        + "NAME or --directory\n");
    assertThat(mavenRuns).isEmpty();
  }

  @Test
  void aValidNameRunsTheArchetypeInTheTargetDirectory() {
    Path target = dir.resolve("projects");

    Run run = init("my-plugin", "--group-id", "org.acme", "--directory", target.toString(),
        "--atomemo4j-version", "1.2.3");

    assertThat(run.stderr()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(target).isDirectory();
    assertThat(mavenDirectories).containsExactly(target);
    assertThat(mavenRuns).containsExactly(List.of("-B", "-ntp", InitCommand.ARCHETYPE_PLUGIN,
        "-DarchetypeGroupId=dev.atomemo4j", "-DarchetypeArtifactId=atomemo4j-archetype", "-DarchetypeVersion=1.2.3",
        "-DarchetypeCatalog=internal", "-DgroupId=org.acme", "-DartifactId=my-plugin",
        "-Dpackage=org.acme.myplugin", "-Dname=my-plugin", "-Dtype=tool", "-DinteractiveMode=false"));
    assertThat(run.stdout()).containsPattern("(?m)^  cd .*my-plugin$").contains("mvn verify");
  }

  @Test
  void theContextTypeIsPassedToTheArchetypeAndTheNextStepsSayHowToRunIt() {
    Run run = init("team-context", "--type", "context", "--directory", dir.toString(), "--atomemo4j-version", "1.2.3");

    assertThat(run.status()).isZero();
    assertThat(mavenRuns.get(0)).contains("-Dtype=context").doesNotContain("-Dtype=tool");
    assertThat(run.stdout()).contains("test the context plugin in a PluginHost")
        .contains("`atomemo4j host host.yaml`");
  }

  @Test
  void theSandboxTypeIsPassedToTheArchetypeAndTheNextStepsSayHowToRunIt() {
    Run run = init("team-sandbox", "--type", "sandbox", "--directory", dir.toString(), "--atomemo4j-version", "1.2.3");

    assertThat(run.status()).isZero();
    assertThat(mavenRuns.get(0)).contains("-Dtype=sandbox").doesNotContain("-Dtype=tool");
    assertThat(run.stdout()).contains("test the sandbox plugin's explore backend in a PluginHost")
        .contains("`atomemo4j host host.yaml`");
  }

  @Test
  void theInteractionTypeIsPassedToTheArchetypeAndTheNextStepsSayHowToRunIt() {
    Run run = init("team-hooks", "--type", "interaction", "--directory", dir.toString(), "--atomemo4j-version",
        "1.2.3");

    assertThat(run.status()).isZero();
    assertThat(mavenRuns.get(0)).contains("-Dtype=interaction");
    assertThat(run.stdout()).contains("test the routes over HTTP in a PluginHost")
        .contains("`atomemo4j host host.yaml`");
  }

  @Test
  void theDatasourceTypeIsPassedToTheArchetypeAndTheNextStepsNameTheConsole() {
    Run run = init("city-data", "--type", "datasource", "--directory", dir.toString(), "--atomemo4j-version",
        "1.2.3");

    assertThat(run.status()).isZero();
    assertThat(mavenRuns.get(0)).contains("-Dtype=datasource");
    assertThat(run.stdout()).contains("test the datasource's queries in a PluginHost").contains("query console");
  }

  @Test
  void theTypesOfLaterPartsAreNotYetAvailableInOneLineWithoutRunningMaven() {
    for (String later : List.of("action")) {
      Run run = init("my-plugin", "--type", later, "--directory", dir.toString());

      assertThat(run.status()).as(later).isEqualTo(2);
      assertThat(run.stderr()).as(later).isEqualTo("atomemo4j: --type " + later + " is not yet available: it comes "
          + "with a later part of atomemo4j; the types available now are tool, context, sandbox, "
          + "interaction, datasource\n");
    }
    assertThat(mavenRuns).isEmpty();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void anUnknownTypeIsRefusedWithTheAllowedValuesWithoutRunningMaven() {
    Run run = init("my-plugin", "--type", "widget", "--directory", dir.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("atomemo4j: --type \"widget\" is not a plugin type; expected one of: tool, "
        + "context, sandbox, interaction, datasource\n");
    assertThat(mavenRuns).isEmpty();
  }

  @Test
  void theTypesAreTheOnesTheArchetypeAccepts() throws Exception {
    // The archetype's post-generate script checks -Dtype itself (for `mvn archetype:generate` without this
    // command); both lists must say the same.
    String script = Files.readString(Path.of("../archetype/src/main/resources/META-INF/archetype-post-generate.groovy"));

    assertThat(script).contains("def TYPES = " + groovyList(InitCommand.TYPES) + "\n")
        .contains("def LATER_TYPES = " + groovyList(InitCommand.LATER_TYPES) + "\n");
  }

  private static String groovyList(List<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  @Test
  void anExplicitPackageIsPassedOn() {
    Run run = init("weather_report", "--package", "com.example.weather", "--directory", dir.toString(),
        "--atomemo4j-version", "1.2.3");

    assertThat(run.status()).isZero();
    assertThat(mavenRuns.get(0)).contains("-Dpackage=com.example.weather", "-DartifactId=weather_report",
        "-Dname=weather_report");
  }

  @Test
  void whenMavenFailsItsErrorLinesAreShownAndTheStatusIsOne() {
    mavenStatus = 1;
    mavenOutput = List.of(
        "[INFO] Generating project in Batch mode",
        "[ERROR] Failed to execute goal …: Could not find artifact dev.atomemo4j:atomemo4j-archetype:jar:1.2.3",
        "[ERROR] ",
        "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
        "[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoExecutionException");

    Run run = init("my-plugin", "--directory", dir.toString(), "--atomemo4j-version", "1.2.3");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.stderr()).isEqualTo(
        "[ERROR] Failed to execute goal …: Could not find artifact dev.atomemo4j:atomemo4j-archetype:jar:1.2.3\n"
            + "atomemo4j: Maven failed (exit status 1); nothing was created\n");
  }

  @Test
  void aDevelopmentBuildSaysToInstallAtomemo4jFirstWhenMavenFails() {
    mavenStatus = 1;

    Run run = init("my-plugin", "--directory", dir.toString(), "--atomemo4j-version", "0.1.0-SNAPSHOT");

    assertThat(run.stderr()).contains("run `mvn -B install -DskipTests` in the atomemo4j checkout first");
  }

  @Test
  void withoutMavenOnThePathItSaysSoAndExitsTwo() {
    InitCommand.Maven none = InitCommand.Maven.onPath(java.util.Map.of("PATH", dir.toString()));

    Run run = init(none, "my-plugin", "--directory", dir.toString(), "--atomemo4j-version", "1.2.3");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("atomemo4j: Maven (mvn) is not on the PATH; install Apache Maven 3.8 or "
        + "later and try again\n");
  }

  @Test
  void theDefaultPackageIsTheGroupIdAndTheNameWithoutSeparators() {
    assertThat(InitCommand.defaultPackage("com.example", "my-plugin")).isEqualTo("com.example.myplugin");
    assertThat(InitCommand.defaultPackage("com.example", "Weather_Report2")).isEqualTo("com.example.weatherreport2");
    assertThat(InitCommand.isPackageName("com.example.myplugin")).isTrue();
    assertThat(InitCommand.isPackageName("com.example.")).isFalse();
    assertThat(InitCommand.isPackageName("com.1example")).isFalse();
    assertThat(InitCommand.isPackageName("com.example.enum")).isFalse();
  }
}
