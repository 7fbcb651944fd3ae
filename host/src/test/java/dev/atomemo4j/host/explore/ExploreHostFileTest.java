package dev.atomemo4j.host.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.core.lifecycle.InvalidConfigException;
import dev.atomemo4j.host.HostFile;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.sandbox.SandboxCapabilities;
import dev.atomemo4j.runtime.spi.ConfigViolation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host file's {@code explore:} section. */
class ExploreHostFileTest {
  @TempDir Path dir;

  private PluginHost start(String yaml) {
    return HostFile.parse(yaml, "host.yaml", Map.of("ROOT", dir.toString()), getClass().getClassLoader())
        .toBuilder().start();
  }

  @Test
  void theSectionSetsTheRootPolicyLimitsAndBuiltIns() {
    try (PluginHost host = start("""
        explore:
          semanticRoot: ${ROOT}
          require: [networkIsolation, unprivilegedExecution]
          maxOutputBytes: 2048
          timeout: 5s
          builtIns: [bubblewrap]
          createTimeout: 2s
        """)) {
      ExploreSettings s = host.explorer().settings();

      assertThat(s.semanticRoot()).isEqualTo(dir);
      assertThat(s.policy().required()).isEqualTo(new SandboxCapabilities(true, false, true));
      assertThat(s.limits()).isEqualTo(new ExploreLimits(2048, Duration.ofSeconds(5)));
      assertThat(s.builtIns()).isEqualTo(Set.of(ExploreSettings.BuiltIn.BUBBLEWRAP));
      assertThat(s.createTimeout()).isEqualTo(Duration.ofSeconds(2));
    }
  }

  @Test
  void withoutTheSectionTheDefaultsApply() {
    try (PluginHost host = start("plugins: []\n")) {
      assertThat(host.explorer().settings()).isEqualTo(ExploreSettings.defaults());
    }
  }

  @Test
  void anUnknownCapabilityAndAnUnknownKeyAreReportedTogether() {
    assertThatThrownBy(() -> start("""
        explore:
          require: [networkIsolation, noRoot]
          builtins: [bubblewrap]
        """)).isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
        .extracting(ConfigViolation::path).contains("explore.require", "explore.builtins"));
  }
}
