package dev.atomemo4j.host.explore;

import static dev.atomemo4j.host.explore.SandboxPlugins.sandbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.sandbox.ExecResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's limits on every backend, and the explore validation: a command that ran past a limit is a result with
 * its flag set; a command that cannot be valid never reaches a backend. Limits are checked by outcome (flags, sizes,
 * interrupts), never by elapsed time.
 */
class ExploreLimitsTest {
  @TempDir Path semantic;

  private PluginHost.Builder host(ExploreLimits limits, Set<ExploreSettings.BuiltIn> builtIns) {
    return PluginHost.builder().exploreSettings(ExploreSettings.defaults().withSemanticRoot(semantic)
        .withLimits(limits).withBuiltIns(builtIns));
  }

  @Test
  void aPluginBackendPastTheTimeLimitIsInterruptedAndTheResultSaysTimedOut() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    SandboxPlugins hung = sandbox("hung-box").health(p -> HealthResult.ok()).exec(command -> {
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
      return null;
    });
    try (PluginHost host = host(new ExploreLimits(1024, Duration.ofMillis(300)), Set.of()).plugin(hung.registry())
        .start()) {
      ExploreResult result = host.explore("sleep forever");

      assertThat(result.timedOut()).isTrue();
      assertThat(result.exitCode()).isEqualTo(-1);
      assertThat(result.stdout()).isEmpty();
      assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the plugin's exec thread was interrupted").isTrue();
    }
  }

  @Test
  void aPluginBackendsAnswerOverTheOutputLimitIsCutStdoutFirst() {
    SandboxPlugins loud = sandbox("loud-box").health(p -> HealthResult.ok())
        .exec(command -> new ExecResult("a".repeat(80), "b".repeat(80), 0));
    try (PluginHost host = host(new ExploreLimits(100, Duration.ofSeconds(30)), Set.of()).plugin(loud.registry())
        .start()) {
      ExploreResult result = host.explore("cat big");

      assertThat(result.truncated()).isTrue();
      assertThat(result.stdout()).isEqualTo("a".repeat(80));
      assertThat(result.stderr()).isEqualTo("b".repeat(20));
      assertThat(result.succeeded()).isFalse();
    }
  }

  @Test
  void anAnswerWithinTheLimitsIsPassedOnWhole() {
    SandboxPlugins quiet = sandbox("quiet-box").health(p -> HealthResult.ok())
        .exec(command -> new ExecResult("out", "err", 3));
    try (PluginHost host = host(ExploreLimits.DEFAULT, Set.of()).plugin(quiet.registry()).start()) {
      ExploreResult result = host.explore("false");

      assertThat(result).isEqualTo(new ExploreResult("quiet-box", "false", "out", "err", 3, false, false));
    }
  }

  @Test
  void aBackendThatThrowsIsExecFailedWithItsReason() {
    SandboxPlugins broken = sandbox("broken-box").health(p -> HealthResult.ok()).exec(command -> {
      throw new IllegalStateException("container gone");
    });
    try (PluginHost host = host(ExploreLimits.DEFAULT, Set.of()).plugin(broken.registry()).start()) {
      assertThatThrownBy(() -> host.explore("ls")).isInstanceOfSatisfying(ExploreException.class, e -> {
        assertThat(e.code()).isEqualTo(ExploreException.EXEC_FAILED);
        assertThat(e.getMessage()).contains("broken-box", "container gone");
      });
    }
  }

  @Test
  void aPlainProcessFloodIsCutAtTheLimit() {
    try (PluginHost host = host(new ExploreLimits(4096, Duration.ofSeconds(60)),
        EnumSet.of(ExploreSettings.BuiltIn.PLAIN_PROCESS)).start()) {
      ExploreResult result = host.explore("yes");

      assertThat(result.truncated()).isTrue();
      assertThat(result.timedOut()).isFalse();
      assertThat(result.stdout().getBytes(StandardCharsets.UTF_8)).hasSize(4096);
    }
  }

  @Test
  void aTimedOutCommandsChildrenAreKilledWithIt() throws Exception {
    try (PluginHost host = host(new ExploreLimits(4096, Duration.ofMillis(1500)),
        EnumSet.of(ExploreSettings.BuiltIn.PLAIN_PROCESS)).start()) {
      ExploreResult result = host.explore("sleep 600 & echo $!; wait");

      assertThat(result.timedOut()).isTrue();
      long child = Long.parseLong(result.stdout().strip());
      ProcessHandle handle = ProcessHandle.of(child).orElse(null);
      if (handle != null) {
        handle.onExit().get(10, TimeUnit.SECONDS);
      }
      assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }
  }

  // ---- the explore validation

  @Test
  void aBlankCommandIsInvalidAndReachesNoBackend() {
    AtomicInteger runs = new AtomicInteger();
    try (PluginHost host = counting(runs)) {
      assertThatThrownBy(() -> host.explore("  ")).isInstanceOfSatisfying(ExploreException.class,
          e -> assertThat(e.code()).isEqualTo(ExploreException.INVALID_COMMAND));
      assertThat(runs).hasValue(0);
    }
  }

  @Test
  void aCommandWithANulCharacterIsInvalid() {
    AtomicInteger runs = new AtomicInteger();
    try (PluginHost host = counting(runs)) {
      assertThatThrownBy(() -> host.explore("cat a\0; rm -rf /")).isInstanceOfSatisfying(ExploreException.class,
          e -> assertThat(e.getMessage()).contains("NUL"));
      assertThat(runs).hasValue(0);
    }
  }

  @Test
  void aCommandOverTheLengthCapIsInvalid() {
    AtomicInteger runs = new AtomicInteger();
    try (PluginHost host = counting(runs)) {
      assertThatThrownBy(() -> host.explore("x".repeat(ExploreCommands.MAX_LENGTH + 1)))
          .isInstanceOfSatisfying(ExploreException.class, e -> assertThat(e.code())
              .isEqualTo(ExploreException.INVALID_COMMAND));
      host.explore("x".repeat(ExploreCommands.MAX_LENGTH));
      assertThat(runs).as("the longest valid command ran").hasValue(1);
    }
  }

  private PluginHost counting(AtomicInteger runs) {
    return host(ExploreLimits.DEFAULT, Set.of()).plugin(sandbox("count-box").health(p -> HealthResult.ok())
        .exec(command -> {
          runs.incrementAndGet();
          return new ExecResult("", "", 0);
        }).registry()).start();
  }
}
