package dev.atomemo4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.benchmarks.gen.PluginSourceGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The checked-in 100-tool plugin is what the generator writes; if not, run benchmarks/generate.sh. */
class GeneratedPluginUpToDateTest {

  @Test
  void theCheckedInPluginMatchesTheGenerator() throws IOException {
    PluginSourceGenerator.Spec spec = PluginSourceGenerator.Spec.plugin100();
    Map<String, String> expected = PluginSourceGenerator.generate(spec);
    Path root = Path.of("src/main/java");
    Path dir = root.resolve(spec.packageName().replace('.', '/'));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> root.relativize(p).toString().replace('\\', '/')).collect(Collectors.toSet()))
          .as("files in %s (run benchmarks/generate.sh)", dir)
          .isEqualTo(expected.keySet());
    }
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(Files.readString(root.resolve(e.getKey()), StandardCharsets.UTF_8))
          .as("%s (run benchmarks/generate.sh)", e.getKey())
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void theCompilePluginHasTheRequestedToolsAndNoReflectionTwins() {
    Map<String, String> sources = PluginSourceGenerator.generate(PluginSourceGenerator.Spec.compileOnly(200));
    String all = String.join("\n", sources.values());
    assertThat(all.split("@Tool\\(", -1)).hasSize(201);
    assertThat(all).doesNotContain("@RParam", "@RTool", "benchmarks.reflect").contains("@Credential(", "record ",
        "enum ");
  }
}
