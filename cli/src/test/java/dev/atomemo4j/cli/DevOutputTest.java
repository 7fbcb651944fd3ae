package dev.atomemo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `atomemo4j dev` prints about the plugin it runs and the build it runs first. */
class DevOutputTest {
  @TempDir Path dir;

  @Test
  void thePluginLineNamesThePluginBuiltInAModuleDirectory() throws IOException {
    Path module = Files.createDirectories(dir.resolve("my-plugin"));
    Path definition = module.resolve("target/classes/META-INF/atomemo4j/weather-now/definition.json");
    Files.createDirectories(definition.getParent());
    Files.writeString(definition, "{}");

    assertThat(DevCommand.describePlugin(module)).isEqualTo("weather-now (" + module + ")");
  }

  @Test
  void thePluginLineNamesThePluginInAJar() throws IOException {
    Path jar = dir.resolve("weather.jar");
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("META-INF/atomemo4j/weather-now/definition.json"));
      zip.write("{}".getBytes());
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("META-INF/atomemo4j/weather-now/schemas/now.input.json"));
      zip.closeEntry();
    }

    assertThat(DevCommand.describePlugin(jar)).isEqualTo("weather-now (" + jar + ")");
  }

  @Test
  void thePluginLineSaysWhenTheBuildHoldsNoGeneratedDefinition() throws IOException {
    Path module = Files.createDirectories(dir.resolve("not-a-plugin"));

    assertThat(DevCommand.describePlugin(module))
        .isEqualTo(module + " (no generated definition.json found in " + module.resolve("target/classes") + ")");
  }

  @Test
  void colourCodesAreStrippedFromOtherProgramsLines() {
    assertThat(TerminalText.strip("\u001B[0m\u001B[0m")).isEmpty();
    assertThat(TerminalText.strip("\u001B[1;31m[ERROR]\u001B[m compilation failed")).isEqualTo("[ERROR] compilation failed");
    assertThat(TerminalText.strip("plain [0m text")).isEqualTo("plain [0m text");
  }

  @Test
  void mavenOutputReachesUsWithoutColourCodes() throws Exception {
    Files.writeString(dir.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion><groupId>t</groupId>"
        + "<artifactId>t</artifactId><version>1</version><packaging>pom</packaging></project>");
    List<String> lines = new ArrayList<>();

    int status = InitCommand.Maven.onPath(System.getenv()).run(dir, List.of("-B", "-q", "-o", "validate"),
        lines::add);

    assertThat(status).as("mvn validate: %s", lines).isZero();
    assertThat(String.join("\n", lines)).doesNotContain("\u001B");
  }
}
