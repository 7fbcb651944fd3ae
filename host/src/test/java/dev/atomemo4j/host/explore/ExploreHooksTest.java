package dev.atomemo4j.host.explore;

import static dev.atomemo4j.host.explore.SandboxPlugins.hooksOnly;
import static dev.atomemo4j.host.explore.SandboxPlugins.sandbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.hooks.ExploreEvent;
import dev.atomemo4j.runtime.hooks.ExploreResultEvent;
import dev.atomemo4j.runtime.hooks.ExploreRewrite;
import dev.atomemo4j.runtime.sandbox.ExecResult;
import dev.atomemo4j.runtime.spi.HookBinding;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explore hooks on a real host (atlas-features.md §7, §16 row 9): a {@code beforeExplore} rewrite runs instead
 * of the command and is validated again; a before-hook that throws rejects the command before any backend sees it;
 * an {@code afterExplore} hook sees what ran, and its failure changes nothing.
 */
class ExploreHooksTest {
  @TempDir Path semantic;
  private final List<String> ran = new CopyOnWriteArrayList<>();

  private PluginHost start(HookBinding... hooks) {
    return PluginHost.builder()
        .exploreSettings(ExploreSettings.defaults().withSemanticRoot(semantic).withBuiltIns(Set.of()))
        .plugin(hooksOnly("audit-hooks", List.of(hooks)))
        .plugin(sandbox("box").health(p -> HealthResult.ok()).exec(command -> {
          ran.add(command);
          return new ExecResult("ran " + command, "", 0);
        }).registry())
        .start();
  }

  private static HookBinding hook(HookPoint point, HookBinding.Handler handler) {
    return new HookBinding(point, point.wireName() + "Hook", null, null, handler);
  }

  @Test
  void aBeforeExploreRewriteRunsInsteadOfTheCommand() {
    try (PluginHost host = start(hook(HookPoint.BEFORE_EXPLORE, (p, e, c) -> ExploreRewrite.to(
        ((ExploreEvent) e).command() + " | head -n 20")))) {
      ExploreResult result = host.explore("grep -r orders .");

      assertThat(result.command()).isEqualTo("grep -r orders . | head -n 20");
      assertThat(ran).containsExactly("grep -r orders . | head -n 20");
    }
  }

  @Test
  void aRewriteIsValidatedAgainAndAnInvalidOneNeverRuns() {
    try (PluginHost host = start(hook(HookPoint.BEFORE_EXPLORE, (p, e, c) -> ExploreRewrite.to("cat a\0b")))) {
      assertThatThrownBy(() -> host.explore("cat a")).isInstanceOfSatisfying(ExploreException.class, e -> {
        assertThat(e.code()).isEqualTo(ExploreException.INVALID_COMMAND);
        assertThat(e.getMessage()).contains("beforeExplore rewrite", "NUL");
      });
      assertThat(ran).isEmpty();
    }
  }

  @Test
  void aRewriteToABlankCommandIsRejectedByTheSameValidation() {
    try (PluginHost host = start(hook(HookPoint.BEFORE_EXPLORE, (p, e, c) -> ExploreRewrite.to("   ")))) {
      assertThatThrownBy(() -> host.explore("ls")).isInstanceOfSatisfying(ExploreException.class,
          e -> assertThat(e.code()).isEqualTo(ExploreException.INVALID_COMMAND));
      assertThat(ran).isEmpty();
    }
  }

  @Test
  void aThrowingBeforeHookRejectsTheCommandBeforeAnyBackendSeesIt() {
    try (PluginHost host = start(hook(HookPoint.BEFORE_EXPLORE, (p, e, c) -> {
      throw new IllegalArgumentException("no reading of secrets/");
    }))) {
      assertThatThrownBy(() -> host.explore("cat secrets/key")).isInstanceOfSatisfying(ExploreException.class, e -> {
        assertThat(e.code()).isEqualTo(ExploreException.REJECTED);
        assertThat(e.getMessage()).contains("Command rejected by plugin audit-hooks", "no reading of secrets/");
      });
      assertThat(ran).isEmpty();
      assertThat(host.explorer().chosenBackend()).as("no backend chosen for a rejected command").isEmpty();
    }
  }

  @Test
  void anAfterExploreHookSeesTheCommandThatRanAndItsOutput() throws Exception {
    AtomicReference<ExploreResultEvent> seen = new AtomicReference<>();
    CountDownLatch called = new CountDownLatch(1);
    try (PluginHost host = start(
        hook(HookPoint.BEFORE_EXPLORE, (p, e, c) -> ExploreRewrite.to("ls -1")),
        hook(HookPoint.AFTER_EXPLORE, (p, e, c) -> {
          seen.set((ExploreResultEvent) e);
          called.countDown();
          return null;
        }))) {
      host.explore("ls");

      assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(seen.get()).isEqualTo(new ExploreResultEvent("ls -1", new ExecResult("ran ls -1", "", 0)));
    }
  }

  @Test
  void aFailingAfterExploreHookChangesNothing() throws Exception {
    CountDownLatch called = new CountDownLatch(2);
    try (PluginHost host = start(hook(HookPoint.AFTER_EXPLORE, (p, e, c) -> {
      called.countDown();
      throw new IllegalStateException("audit log is full");
    }))) {
      ExploreResult first = host.explore("ls");
      ExploreResult second = host.explore("pwd");

      assertThat(first.stdout()).isEqualTo("ran ls");
      assertThat(second.stdout()).isEqualTo("ran pwd");
      assertThat(called.await(10, TimeUnit.SECONDS)).as("the hook ran for both").isTrue();
      assertThat(host.plugin("audit-hooks").status()).isEqualTo(dev.atomemo4j.runtime.PluginStatus.HEALTHY);
    }
  }
}
