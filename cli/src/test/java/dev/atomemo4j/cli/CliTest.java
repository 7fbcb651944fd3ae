package dev.atomemo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  @TempDir Path dir;

  static Path official(String name) {
    return Path.of(System.getProperty("atomemo4j.shared", "../../shared"), "conformance", "official-definitions",
        name).toAbsolutePath().normalize();
  }

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @Test
  void validatePrintsOkForEachValidFileAndExitsZero() {
    CliRun run = CliRun.of("validate", official("hacker-news.json").toString(), official("openai.json").toString());

    assertThat(run.status()).isZero();
    assertThat(run.stdout()).isEqualTo("OK " + official("hacker-news.json") + "\nOK " + official("openai.json")
        + "\n");
  }

  @Test
  void validatePrintsOneLinePerViolationAndExitsOne() throws IOException {
    String broken = Files.readString(official("get-current-time.json"))
        .replace("\"name\": \"get-current-time\",\n  \"display_name\"", "\"name\": \"get__time\",\n  \"display_name\"")
        .replace("\"version\": \"0.1.5\"", "\"version\": \"one\"");
    Path file = write("definition.json", broken);

    CliRun run = CliRun.of("validate", file.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.stdout().lines()).containsExactly(
        file + ": /name [bad-name] plugin name \"get__time\" is invalid: it has two of `_`/`-` in a row (the Hub "
            + "uses `__` to separate the name from the version) (letters, digits, single `_` or `-`, 5–65 "
            + "characters, starting with a letter; e.g. \"get-time\")",
        file + ": /version [bad-version] version \"one\" is not SemVer without underscores (e.g. 1.2.3 or "
            + "1.2.3-beta.1); the Hub builds `<name>__release__<version>` from it");
  }

  @Test
  void validateOfAMissingFileSaysSoInOneLineAndExitsTwo() {
    CliRun run = CliRun.of("validate", dir.resolve("nope.json").toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("atomemo4j: " + dir.resolve("nope.json") + ": no such file\n");
  }

  @Test
  void validateOfADirectoryExitsTwo() {
    CliRun run = CliRun.of("validate", dir.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("atomemo4j: " + dir + " is a directory; give the path of a definition.json "
        + "file\n");
  }

  @Test
  void validateOfInvalidJsonGivesLineAndColumnAndExitsTwo() throws IOException {
    Path file = write("bad.json", "{\n  \"name\": \"x\",\n}");

    CliRun run = CliRun.of("validate", file.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stderr()).startsWith("atomemo4j: " + file + ": invalid JSON at line 3, column 1")
        .doesNotContain("\tat ").hasLineCount(1);
  }

  @Test
  void validateOfANonObjectRootExitsTwo() throws IOException {
    Path file = write("array.json", "[]");

    CliRun run = CliRun.of("validate", file.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stderr()).contains("[not-an-object]").hasLineCount(1);
  }

  @Test
  void validateOfAnEmptyFileExitsTwo() throws IOException {
    Path file = write("empty.json", "");

    CliRun run = CliRun.of("validate", file.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("atomemo4j: " + file + ": the file is empty\n");
  }

  @Test
  void validateOfSeveralFilesExitsTwoWhenOneIsUnreadableButStillChecksTheOthers() {
    CliRun run = CliRun.of("validate", dir.resolve("missing.json").toString(), official("gmail.json").toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stdout()).isEqualTo("OK " + official("gmail.json") + "\n");
  }

  @Test
  void formatReproducesAnOfficialFileByteForByte() throws IOException {
    CliRun run = CliRun.of("format", official("notion.json").toString());

    assertThat(run.status()).isZero();
    assertThat(run.stdoutBytes()).isEqualTo(Files.readAllBytes(official("notion.json")));
  }

  @Test
  void formatKeepsTheAuthorsPluginMemberOrderAppendsTheSdksMembersAndDropsUnknownMembers() throws IOException {
    Path file = write("messy.json", "{\"version\":\"1.0.0\",\"name\":\"my-plugin\",\"colour\":1,\"lang\":\"java\","
        + "\"icon\":\"x\",\"display_name\":{\"en_US\":\"P\"},\"description\":{\"en_US\":\"D\"},\"locales\":[]}");

    CliRun run = CliRun.of("format", file.toString());

    assertThat(run.stdout()).isEqualTo("{\n  \"name\": \"my-plugin\",\n  \"lang\": \"java\",\n  \"icon\": \"x\",\n"
        + "  \"display_name\": {\n    \"en_US\": \"P\"\n  },\n  \"description\": {\n    \"en_US\": \"D\"\n  },\n"
        + "  \"locales\": [],\n  \"version\": \"1.0.0\",\n  \"credentials\": [],\n  \"models\": [],\n"
        + "  \"tools\": []\n}");
    assertThat(run.stderr()).contains("/colour [unknown-member]");
    assertThat(run.status()).isZero();
  }

  @Test
  void validateRejectsADefaultOutsideTheEnum() throws IOException {
    String broken = Files.readString(official("get-current-time.json"))
        .replace("\"name\": \"format\",", "\"name\": \"format\",\n\"enum\": [\"iso\", \"unix\"], \"default\": \"rfc\",");
    assertThat(broken).contains("\"default\": \"rfc\"");
    Path file = write("definition.json", broken);

    CliRun run = CliRun.of("validate", file.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.stdout()).contains("/tools/0/parameters/1/default [not-in-enum] default \"rfc\" is not one of the "
        + "`enum` values \"iso\", \"unix\"");
  }

  @Test
  void formatReproducesAFileWithReorderedPluginMembersByteForByte() throws IOException {
    String official = Files.readString(official("airtable.json"));
    // As an author who wrote icon after lang and repo after locales gets it from the JS SDK.
    String reordered = official.replaceFirst("(\n  \"icon\": [^\n]*)(\n  \"lang\": [^\n]*)", "$2$1")
        .replaceFirst("(\n  \"repo\": [^\n]*)(\n  \"locales\": \\[[^\\]]*\\],)", "$2$1");
    assertThat(reordered).isNotEqualTo(official);
    Path file = write("reordered.json", reordered);

    CliRun run = CliRun.of("format", file.toString());

    assertThat(run.status()).isZero();
    assertThat(run.stdout()).isEqualTo(reordered);
  }

  @Test
  void formatOfInvalidJsonExitsTwoWithoutOutput() throws IOException {
    Path file = write("bad.json", "{");

    CliRun run = CliRun.of("format", file.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.stdoutBytes()).isEmpty();
    assertThat(run.stderr()).hasLineCount(1).contains("invalid JSON");
  }

  @Test
  void formatRefusesToDropElementsItCouldNotRead() throws IOException {
    Path file = write("lossy.json", "{\"name\":\"my-plugin\",\"tools\":[{\"name\":\"my-tool\",\"parameters\":"
        + "[{\"name\":\"a\",\"type\":\"strng\"}]}]}");

    CliRun run = CliRun.of("format", file.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.stdoutBytes()).isEmpty();
    assertThat(run.stderr()).contains("/tools/0/parameters/0/type [unknown-type]");
  }
}
