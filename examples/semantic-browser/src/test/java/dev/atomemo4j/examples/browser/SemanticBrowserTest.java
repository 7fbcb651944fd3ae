package dev.atomemo4j.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.explore.ExploreResult;
import dev.atomemo4j.host.explore.ExploreSettings;
import dev.atomemo4j.host.explore.SandboxPolicy;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.testing.PluginHostExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The browser in a real PluginHost whose policy requires every capability: it is chosen above the built-in
 * bubblewrap, answers the commands it knows over the semantic root, and refuses every way out of it.
 */
class SemanticBrowserTest {
  private static final String ID = "semantic-browser";

  @RegisterExtension
  final PluginHostExtension browser = PluginHostExtension.configure((host, dir) -> {
    Path semantic = Files.createDirectories(dir.resolve("semantic"));
    Files.createDirectories(semantic.resolve("entities"));
    Files.writeString(semantic.resolve("catalog.yml"), "entities:\n  - orders\n  - customers\n");
    Files.writeString(semantic.resolve("entities/orders.yml"), "table: orders\ndimensions:\n  - Status\n");
    Files.writeString(semantic.resolve("entities/customers.yml"), "table: customers\nmeasures:\n  - count\n");
    Files.writeString(dir.resolve("secret.txt"), "outside the root\n");
    Files.createSymbolicLink(semantic.resolve("escape"), dir.resolve("secret.txt"));
    host.plugin(SemanticBrowser.class, new BrowserConfig(1000))
        .exploreSettings(ExploreSettings.defaults().withSemanticRoot(semantic).withPolicy(SandboxPolicy.ISOLATED));
  });

  @Test
  void thePluginIsTheSandboxItsManifestDescribes(PluginHost host) throws Exception {
    assertThat(host.plugin(ID).types()).containsExactly(PluginType.SANDBOX);
    JsonNode sandbox = new ObjectMapper().readTree(host.plugin(ID).manifestJson().orElseThrow()).get("sandbox");

    assertThat(sandbox.get("priority").asInt()).isEqualTo(70);
    assertThat(sandbox.get("networkIsolation").asBoolean()).isTrue();
    assertThat(sandbox.get("filesystemIsolation").asBoolean()).isTrue();
    assertThat(sandbox.get("unprivilegedExecution").asBoolean()).isTrue();
  }

  @Test
  void itIsChosenAboveTheBuiltInBubblewrap(PluginHost host) {
    ExploreResult result = host.explore("ls");

    assertThat(result.backend()).isEqualTo(ID);
    assertThat(result.stdout()).isEqualTo("catalog.yml\nentities/\nescape\n");
  }

  @Test
  void catAndHeadReadFilesOfTheSemanticRoot(PluginHost host) {
    assertThat(host.explore("cat entities/orders.yml").stdout()).isEqualTo("table: orders\ndimensions:\n  - Status\n");
    assertThat(host.explore("head -n 1 catalog.yml").stdout()).isEqualTo("entities:\n");
  }

  @Test
  void grepSearchesTheTreeAndSaysWhenNothingMatched(PluginHost host) {
    ExploreResult found = host.explore("grep -ri 'table:' entities");
    ExploreResult none = host.explore("grep -r invoices .");

    assertThat(found.stdout()).isEqualTo("./entities/customers.yml:table: customers\n"
        + "./entities/orders.yml:table: orders\n");
    assertThat(found.exitCode()).isZero();
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.stdout()).isEmpty();
  }

  @Test
  void findListsFilesByName(PluginHost host) {
    assertThat(host.explore("find . -name '*.yml'").stdout())
        .isEqualTo("./catalog.yml\n./entities/customers.yml\n./entities/orders.yml\n");
  }

  @Test
  void aPathOutsideTheRootIsRefused(PluginHost host) {
    ExploreResult dotDot = host.explore("cat ../secret.txt");
    ExploreResult absolute = host.explore("cat /../../etc/passwd");

    assertThat(dotDot.exitCode()).isEqualTo(1);
    assertThat(dotDot.stderr()).contains("outside the semantic root");
    assertThat(dotDot.stdout()).isEmpty();
    assertThat(absolute.exitCode()).isEqualTo(1);
  }

  @Test
  void aSymlinkLeadingOutOfTheRootIsRefused(PluginHost host) {
    ExploreResult result = host.explore("cat escape");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("leads outside the semantic root");
    assertThat(result.stdout()).doesNotContain("outside the root");
  }

  @Test
  void pipesAndUnknownCommandsAreRefused(PluginHost host) {
    ExploreResult pipe = host.explore("cat catalog.yml | sh");
    ExploreResult rm = host.explore("rm catalog.yml");

    assertThat(pipe.exitCode()).isEqualTo(2);
    assertThat(rm.exitCode()).isEqualTo(127);
    assertThat(rm.stderr()).contains("rm: command not available here");
    assertThat(browser.tempDirectory().resolve("semantic/catalog.yml")).exists();
  }

  @Test
  void theDefaultSandboxHealthCheckFindsItHealthy(PluginHost host) {
    assertThat(host.probe(ID).healthy()).isTrue();
    assertThat(host.plugin(ID).status()).isEqualTo(PluginStatus.HEALTHY);
  }
}
