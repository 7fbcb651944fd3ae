package dev.atomemo4j.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.host.HostFile;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.explore.ExploreResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example's own {@code host.yaml}, booted as {@code atomemo4j host} would (on a free port). */
class HostFileTest {

  @Test
  void theHostFileRunsTheBrowserOverTheSampleSemanticLayer() {
    try (PluginHost host = HostFile.read(Path.of("host.yaml"), Map.of("BROWSER_ADMIN_PORT", "0")).toBuilder()
        .start()) {
      ExploreResult result = host.explore("grep -r 'table:' .");

      assertThat(result.backend()).isEqualTo("semantic-browser");
      assertThat(result.stdout()).isEqualTo("./entities/orders.yml:table: orders\n");
      assertThat(host.explorer().settings().policy().required().insecure()).isFalse();
    }
  }
}
