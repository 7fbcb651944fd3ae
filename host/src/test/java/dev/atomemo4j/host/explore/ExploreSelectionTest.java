package dev.atomemo4j.host.explore;

import static dev.atomemo4j.host.explore.SandboxPlugins.sandbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.core.lifecycle.PluginSpec;
import dev.atomemo4j.core.lifecycle.ConfigInput;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.testsupport.RecordingLogs;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.runtime.sandbox.SandboxCapabilities;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which backend runs an explore command (atlas-features.md §11, §16 row 12): one ordering of plugins and built-ins
 * by priority, the policy's refusals, the fallback past a failing create, and the lazy, cached choice that is made
 * again when its plugin stops being healthy.
 */
class ExploreSelectionTest {
  private static final SandboxCapabilities NO_NETWORK_ISOLATION = new SandboxCapabilities(false, true, true);

  @TempDir Path semantic;

  private PluginHost.Builder host(Set<ExploreSettings.BuiltIn> builtIns, SandboxPolicy policy) {
    return PluginHost.builder().exploreSettings(ExploreSettings.defaults().withSemanticRoot(semantic)
        .withBuiltIns(builtIns).withPolicy(policy));
  }

  private PluginHost.Builder pluginsOnly() {
    return host(Set.of(), SandboxPolicy.PERMISSIVE);
  }

  @Test
  void theHighestPriorityBackendRunsTheCommand() {
    try (PluginHost host = pluginsOnly().plugin(sandbox("low-box").priority(10).registry())
        .plugin(sandbox("high-box").priority(90).registry()).start()) {
      ExploreResult result = host.explore("ls");

      assertThat(result.backend()).isEqualTo("high-box");
      assertThat(result.stdout()).isEqualTo("high-box: ls");
    }
  }

  @Test
  void onATieTheEarlierRegisteredPluginWins() {
    try (PluginHost host = pluginsOnly().plugin(sandbox("first-box").priority(70).registry())
        .plugin(sandbox("second-box").priority(70).registry()).start()) {
      assertThat(host.explore("ls").backend()).isEqualTo("first-box");
    }
  }

  @Test
  void aPluginWithTheBuiltInsPriorityIsTriedBeforeTheBuiltIn() {
    try (PluginHost host = host(EnumSet.allOf(ExploreSettings.BuiltIn.class), SandboxPolicy.PERMISSIVE)
        .plugin(sandbox("equal-box").priority(BubblewrapBackend.PRIORITY).registry()).start()) {
      assertThat(host.explore("ls").backend()).isEqualTo("equal-box");
    }
  }

  @Test
  void aBuiltInOfHigherPriorityIsTriedBeforeAPlugin() {
    Bwrap.assumeUsable();
    try (PluginHost host = host(EnumSet.allOf(ExploreSettings.BuiltIn.class), SandboxPolicy.PERMISSIVE)
        .plugin(sandbox("sidecar-box").priority(50).registry()).start()) {
      assertThat(host.explore("echo hi").backend()).isEqualTo(BubblewrapBackend.NAME);
      assertThat(host.explorer().lastSelection()).extracting(BackendAttempt::backend)
          .containsExactly(BubblewrapBackend.NAME);
    }
  }

  @Test
  void thePolicyRefusesABackendLackingARequiredCapabilityWithoutCreatingIt() {
    SandboxPlugins open = sandbox("open-box").priority(90).capabilities(NO_NETWORK_ISOLATION)
        .health(p -> HealthResult.ok());
    SandboxPolicy networkRequired = new SandboxPolicy(new SandboxCapabilities(true, false, false));
    try (PluginHost host = host(Set.of(), networkRequired).plugin(open.registry())
        .plugin(sandbox("closed-box").priority(10).registry()).start()) {
      assertThat(host.explore("ls").backend()).isEqualTo("closed-box");

      BackendAttempt refused = host.explorer().lastSelection().get(0);
      assertThat(refused.backend()).isEqualTo("open-box");
      assertThat(refused.outcome()).isEqualTo(BackendAttempt.Outcome.REFUSED);
      assertThat(refused.reason()).contains("networkIsolation");
      assertThat(open.created).as("creates of the refused backend").hasValue(0);
    }
  }

  @Test
  void aFailingCreateFallsBackToTheNextBackendAndIsRecorded() {
    try (PluginHost host = pluginsOnly()
        .plugin(sandbox("broken-box").priority(90).health(p -> HealthResult.ok()).create(root -> {
          throw new IllegalStateException("no VM quota left");
        }).registry())
        .plugin(sandbox("spare-box").priority(10).registry()).start()) {
      assertThat(host.explore("ls").backend()).isEqualTo("spare-box");

      assertThat(host.explorer().lastSelection()).extracting(BackendAttempt::toString).containsExactly(
          "broken-box (90): failed: IllegalStateException: no VM quota left", "spare-box (10): chosen");
    }
  }

  @Test
  void whenNoBackendCanBeUsedTheErrorListsEveryAttempt() {
    SandboxPolicy isolated = SandboxPolicy.ISOLATED;
    try (PluginHost host = host(EnumSet.of(ExploreSettings.BuiltIn.PLAIN_PROCESS), isolated)
        .plugin(sandbox("broken-box").priority(90).health(p -> HealthResult.ok()).create(root -> null).registry())
        .start()) {
      assertThatThrownBy(() -> host.explore("ls")).isInstanceOfSatisfying(ExploreException.class, e -> {
        assertThat(e.code()).isEqualTo(ExploreException.NO_BACKEND);
        assertThat(e.attempts()).extracting(BackendAttempt::outcome).containsExactly(BackendAttempt.Outcome.FAILED,
            BackendAttempt.Outcome.REFUSED);
        assertThat(e.getMessage()).contains("broken-box (90): failed: IllegalStateException: create returned no "
            + "backend", "builtin:plain-process (0): refused: the security policy requires networkIsolation, "
            + "filesystemIsolation, unprivilegedExecution");
      });
    }
  }

  @Test
  void selectionIsLazyAndTheChosenBackendIsKept() {
    SandboxPlugins box = sandbox("lazy-box").health(p -> HealthResult.ok());
    try (PluginHost host = pluginsOnly().plugin(box.registry()).start()) {
      assertThat(box.created).as("created at start").hasValue(0);
      assertThat(host.explorer().chosenBackend()).isEmpty();

      host.explore("ls");
      host.explore("pwd");

      assertThat(box.created).hasValue(1);
      assertThat(host.explorer().chosenBackend()).contains("lazy-box");
    }
    assertThat(box.closed).as("closed with the host").hasValue(1);
  }

  @Test
  void aChosenBackendWhosePluginTurnsUnhealthyIsClosedAndReplaced() {
    AtomicBoolean healthy = new AtomicBoolean(true);
    SandboxPlugins first = sandbox("first-box").priority(90).health(p -> healthy.get() ? HealthResult.ok()
        : HealthResult.unhealthy("VM lost"));
    try (PluginHost host = pluginsOnly().plugin(first.registry()).plugin(sandbox("second-box").priority(10)
        .registry()).start()) {
      assertThat(host.explore("ls").backend()).isEqualTo("first-box");

      healthy.set(false);
      host.probe("first-box");
      assertThat(host.plugin("first-box").status()).isEqualTo(PluginStatus.UNHEALTHY);

      assertThat(host.explore("ls").backend()).isEqualTo("second-box");
      assertThat(first.closed).hasValue(1);
      assertThat(host.explorer().lastSelection().get(0).reason()).isEqualTo("the plugin is unhealthy");
    }
  }

  @Test
  void aDisabledSandboxPluginIsNotACandidate() {
    try (PluginHost host = pluginsOnly()
        .plugin(new PluginSpec(sandbox("off-box").priority(90).registry().descriptor(), ConfigInput.typed(null),
            false, Map.of()))
        .plugin(sandbox("on-box").priority(10).registry()).start()) {
      assertThat(host.explore("ls").backend()).isEqualTo("on-box");
      assertThat(host.explorer().lastSelection().get(0).reason()).isEqualTo("the plugin is disabled");
    }
  }

  @Test
  void aSandboxPluginWithoutAHealthCheckIsUnhealthyWhenItsBackendCannotBeCreated() {
    try (PluginHost host = pluginsOnly().plugin(sandbox("flaky-box").create(root -> {
      throw new IllegalStateException("daemon down");
    }).registry()).start()) {
      host.probe("flaky-box");

      assertThat(host.plugin("flaky-box").status()).isEqualTo(PluginStatus.UNHEALTHY);
      assertThat(host.plugin("flaky-box").lastHealth().orElseThrow().message()).contains("daemon down");
    }
  }

  @Test
  void thePlainProcessBackendIsTheLastResortAndWarnsThatItIsolatesNothing() throws Exception {
    try (PluginHost host = host(EnumSet.of(ExploreSettings.BuiltIn.PLAIN_PROCESS), SandboxPolicy.PERMISSIVE)
        .start()) {
      ExploreResult result = host.explore("pwd");

      assertThat(result.backend()).isEqualTo(PlainProcessBackend.NAME);
      assertThat(Path.of(result.stdout().strip())).isEqualTo(semantic.toRealPath());
      assertThat(RecordingLogs.all()).contains("explore backend builtin:plain-process chosen: it isolates NOTHING");
    }
  }

  @Test
  void aMissingSemanticRootIsAnError() {
    try (PluginHost host = PluginHost.builder().exploreSettings(ExploreSettings.defaults()
        .withSemanticRoot(semantic.resolve("absent"))).start()) {
      assertThatThrownBy(() -> host.explore("ls")).isInstanceOfSatisfying(ExploreException.class,
          e -> assertThat(e.code()).isEqualTo(ExploreException.NO_SEMANTIC_ROOT));
    }
  }

}
