package dev.atomemo4j.host;

import static dev.atomemo4j.host.testplugins.HandWrittenRegistry.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.core.lifecycle.CallKind;
import dev.atomemo4j.core.lifecycle.ConfigInput;
import dev.atomemo4j.core.lifecycle.EnabledChange;
import dev.atomemo4j.core.lifecycle.LifecycleException;
import dev.atomemo4j.core.lifecycle.LifecycleListener;
import dev.atomemo4j.core.lifecycle.PluginSpec;
import dev.atomemo4j.core.lifecycle.StatusTransition;
import dev.atomemo4j.core.lifecycle.TeardownResult;
import dev.atomemo4j.host.testsupport.RecordingListener;
import dev.atomemo4j.host.testsupport.RecordingLogs;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.PluginStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void aHungInitializeMarksItsPluginUnhealthyAtItsDeadlineAndTheNextPluginStillInitializes() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    AtomicBoolean nextInitialized = new AtomicBoolean();
    try (PluginHost host = PluginHost.builder()
        .plugin(plugin("slow").initialize(200, (p, ctx) -> {
          try {
            never.await();
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
        }).registry())
        .plugin(plugin("next").initialize((p, ctx) -> nextInitialized.set(true)).registry())
        .start()) {
      assertThat(host.plugin("slow").status()).isEqualTo(PluginStatus.UNHEALTHY);
      assertThat(nextInitialized).isTrue();
      assertThat(host.plugin("next").status()).isEqualTo(PluginStatus.HEALTHY);
      assertThat(host.probe("slow").message()).isEqualTo("status unhealthy");
    }
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the hung work was interrupted").isTrue();
  }

  @Test
  void theTimeoutIsTheReasonOfTheUnhealthyTransition() throws Exception {
    RecordingListener events = new RecordingListener();
    try (PluginHost host = PluginHost.builder().listener(events)
        .plugin(plugin("slow").initialize(150, (p, ctx) -> new CountDownLatch(1).await()).registry())
        .start()) {
      host.flushEvents();
      assertThat(events.events()).filteredOn(e -> e instanceof StatusTransition t && t.to() == PluginStatus.UNHEALTHY)
          .extracting(e -> ((StatusTransition) e).reason())
          .containsExactly("initialize failed: timed out after 150 ms");
    }
  }

  @Test
  void aThrowingInitializeLeavesThePluginUnhealthyAndBootGoesOn() {
    try (PluginHost host = PluginHost.builder()
        .plugin(plugin("broken").initialize((p, ctx) -> {
          throw new IllegalStateException("no database");
        }).registry())
        .plugin(plugin("fine").registry())
        .start()) {
      assertThat(host.plugin("broken").status()).isEqualTo(PluginStatus.UNHEALTHY);
      assertThat(host.plugin("fine").status()).isEqualTo(PluginStatus.HEALTHY);
    }
  }

  @Test
  void aRequiredPluginsFailureFailsStartAfterTearingDownWhatWasStarted() {
    List<String> calls = new CopyOnWriteArrayList<>();
    PluginHost.Builder builder = PluginHost.builder()
        .plugin(plugin("first").initialize((p, c) -> calls.add("init first"))
            .teardown(p -> calls.add("teardown first")).registry())
        .plugin(plugin("vital").required().initialize((p, c) -> {
          throw new IllegalStateException("cannot reach the vault");
        }).teardown(p -> calls.add("teardown vital")).registry())
        .plugin(plugin("later").initialize((p, c) -> calls.add("init later"))
            .teardown(p -> calls.add("teardown later")).registry());
    assertThatThrownBy(builder::start).isInstanceOf(LifecycleException.class)
        .hasMessageContaining("required plugin `vital` failed to initialize: IllegalStateException: cannot reach")
        .extracting(e -> ((LifecycleException) e).code()).isEqualTo("host:required_plugin_failed");
    assertThat(calls).containsExactly("init first", "teardown vital", "teardown first");
  }

  @Test
  void transitionEventsArriveInTheOrderTheyHappened() throws Exception {
    RecordingListener events = new RecordingListener();
    PluginHost host = PluginHost.builder().listener(events)
        .plugin(plugin("a").registry())
        .plugin(plugin("b").initialize((p, c) -> {
          throw new IllegalStateException("boom");
        }).registry())
        .start();
    host.disable("a");
    host.close();
    assertThat(events.transitions()).containsExactly(
        "a:new->registered", "b:new->registered",
        "a:registered->initializing", "a:initializing->healthy",
        "b:registered->initializing", "b:initializing->unhealthy",
        "b:unhealthy->teardown", "a:healthy->teardown");
    assertThat(events.events()).filteredOn(e -> e instanceof EnabledChange)
        .extracting(e -> ((EnabledChange) e).enabled()).containsExactly(false);
  }

  @Test
  void teardownRunsLastRegisteredFirstAndAHangingTeardownIsCutSoTheNextRuns() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch interrupted = new CountDownLatch(1);
    PluginHost host = PluginHost.builder()
        .plugin(plugin("a").teardown(p -> order.add("a")).registry())
        .plugin(plugin("b").teardown(200, p -> {
          order.add("b started");
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
        }).registry())
        .plugin(plugin("c").teardown(p -> order.add("c")).registry())
        .start();
    host.close();
    assertThat(order).containsExactly("c", "b started", "a");
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(host.plugins()).extracting(p -> p.status()).containsOnly(PluginStatus.TEARDOWN);
  }

  @Test
  void aFailingTeardownIsLoggedAndTheNextPluginIsTornDown() {
    List<String> order = new CopyOnWriteArrayList<>();
    PluginHost host = PluginHost.builder()
        .plugin(plugin("a").teardown(p -> order.add("a")).registry())
        .plugin(plugin("b").teardown(p -> {
          throw new IllegalStateException("socket already closed");
        }).registry())
        .start();
    host.close();
    assertThat(order).containsExactly("a");
    assertThat(RecordingLogs.all())
        .contains("plugin b teardown failed: IllegalStateException: socket already closed");
  }

  @Test
  void everyTeardownEndsWithAResultEventSayingWhetherItWasCalledAndHowItEnded() {
    RecordingListener events = new RecordingListener();
    PluginHost host = PluginHost.builder().listener(events)
        .plugin(plugin("a").teardown(p -> {}).registry())
        .plugin(plugin("b").teardown(p -> {
          throw new IllegalStateException("socket already closed");
        }).registry())
        .plugin(plugin("c").registry())
        .start();
    host.close();
    assertThat(events.events()).filteredOn(e -> e instanceof TeardownResult).map(e -> (TeardownResult) e)
        .extracting(TeardownResult::pluginId, TeardownResult::teardownCalled, TeardownResult::problem)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("c", false, null),
            org.assertj.core.groups.Tuple.tuple("b", true, "teardown failed: IllegalStateException: socket already "
                + "closed"),
            org.assertj.core.groups.Tuple.tuple("a", true, null));
  }

  @Test
  void aPluginSkippedByTheCloseDeadlineGetsAFailedTeardownResult() throws Exception {
    RecordingListener events = new RecordingListener();
    PluginHost host = PluginHost.builder().listener(events).closeDeadline(Duration.ofMillis(300))
        .plugin(plugin("a").teardown(p -> {}).registry())
        .plugin(plugin("b").teardown(60_000, p -> new CountDownLatch(1).await()).registry())
        .start();
    host.close();
    assertThat(events.events()).filteredOn(e -> e instanceof TeardownResult r && r.pluginId().equals("a"))
        .map(e -> (TeardownResult) e).singleElement().satisfies(r -> {
          assertThat(r.ok()).isFalse();
          assertThat(r.teardownCalled()).isFalse();
          assertThat(r.problem()).contains("close deadline of 300 ms");
        });
  }

  @Test
  void resourcesRegisteredOnTheContextAreClosedLastFirstAfterTheTeardown() {
    List<String> order = new CopyOnWriteArrayList<>();
    PluginHost host = PluginHost.builder()
        .plugin(plugin("a").initialize((p, ctx) -> {
          ctx.closeOnTeardown(() -> order.add("pool"));
          ctx.closeOnTeardown(() -> order.add("client"));
        }).teardown(p -> order.add("teardown")).registry())
        .start();
    host.close();
    assertThat(order).containsExactly("teardown", "client", "pool");
  }

  @Test
  void theContextJoinsEnabledHealthyContextPluginsInRegistrationOrderSkippingBlankOnes() {
    try (PluginHost host = PluginHost.builder()
        .plugin(plugin("one").context(p -> "First fragment.").registry())
        .plugin(plugin("blank").context(p -> "   ").registry())
        .plugin(plugin("sick").initialize((p, c) -> {
          throw new IllegalStateException("x");
        }).context(p -> "never").registry())
        .plugin(plugin("two").context(p -> "Second fragment.").registry())
        .start()) {
      assertThat(host.context()).isEqualTo("First fragment.\n\nSecond fragment.");
      host.disable("one");
      assertThat(host.context()).isEqualTo("Second fragment.");
      host.enable("one");
      assertThat(host.context()).isEqualTo("First fragment.\n\nSecond fragment.");
    }
  }

  @Test
  void refreshCallsThePluginThenReloadsItsContext() {
    int[] edition = {1};
    try (PluginHost host = PluginHost.builder()
        .plugin(plugin("glossary").context(p -> "edition " + edition[0]).refresh(p -> edition[0]++).registry())
        .start()) {
      assertThat(host.context()).isEqualTo("edition 1");
      assertThat(host.refresh("glossary").ok()).isTrue();
      assertThat(host.context()).isEqualTo("edition 2");
    }
  }

  @Test
  void aFailingRefreshIsAResultNotAnException() {
    try (PluginHost host = PluginHost.builder()
        .plugin(plugin("glossary").context(p -> "x").refresh(p -> {
          throw new IllegalStateException("file gone");
        }).registry())
        .plugin(plugin("plain").registry())
        .start()) {
      assertThat(host.refresh("glossary").reason()).isEqualTo("refresh failed: IllegalStateException: file gone");
      assertThat(host.refresh("plain").reason()).contains("declares neither @Refresh nor @ContextProvider");
      assertThat(host.refresh("nobody").ok()).isFalse();
    }
  }

  @Test
  void enablingOrDisablingATornDownPluginIsRefused() {
    PluginHost host = PluginHost.builder().plugin(plugin("a").registry()).start();
    host.close();
    assertThatThrownBy(() -> host.enable("a")).isInstanceOf(LifecycleException.class)
        .extracting(e -> ((LifecycleException) e).code()).isEqualTo("host:in_teardown");
  }

  @Test
  void onUninstallReceivesTheWorkspaceUnderItsDeadline() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (PluginHost host = PluginHost.builder()
        .plugin(plugin("hooks").onUninstall((p, ws) -> seen.add(ws)).registry()).start()) {
      assertThat(host.onUninstall("hooks", "ws-42").ok()).isTrue();
    }
    assertThat(seen).containsExactly("ws-42");
  }

  @Test
  void theCloseDeadlineCutsTheRunningTeardownAndSkipsThePluginsAfterIt() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    RecordingListener events = new RecordingListener();
    PluginHost host = PluginHost.builder().listener(events).closeDeadline(Duration.ofMillis(300))
        .plugin(plugin("a").teardown(p -> order.add("a")).registry())
        .plugin(plugin("b").teardown(60_000, p -> {
          order.add("b started");
          new CountDownLatch(1).await();
        }).registry())
        .start();
    host.close();
    host.flushEvents();
    assertThat(order).containsExactly("b started");
    assertThat(events.events()).filteredOn(e -> e instanceof StatusTransition t && t.pluginId().equals("a")
        && t.to() == PluginStatus.TEARDOWN).extracting(e -> ((StatusTransition) e).reason())
        .containsExactly("the host's close deadline of 300 ms passed before its turn");
  }

  @Test
  void everyCallRunsOnAThreadNamedAfterThePluginAndTheCall() {
    List<String> names = new CopyOnWriteArrayList<>();
    PluginHost host = PluginHost.builder().plugin(plugin("named")
        .initialize((p, c) -> names.add(Thread.currentThread().getName()))
        .healthCheck(p -> {
          names.add(Thread.currentThread().getName());
          return HealthResult.ok();
        })
        .teardown(p -> names.add(Thread.currentThread().getName())).registry()).start();
    host.probe("named");
    host.close();
    assertThat(names).containsExactly("atomemo4j-named-initialize", "atomemo4j-named-health",
        "atomemo4j-named-teardown");
  }

  @Test
  void thePluginContextHasAScopedLoggerAndTheTypedConfigCheck() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (PluginHost host = PluginHost.builder().plugin(plugin("scoped").initialize((p, ctx) -> {
      seen.add(ctx.pluginId());
      seen.add(ctx.logger().getName());
      try {
        ctx.config(String.class);
      } catch (IllegalStateException e) {
        seen.add("no config");
      }
    }).registry()).start()) {
      assertThat(seen).containsExactly("scoped", "atomemo4j.plugin.scoped", "no config");
      assertThat(host.plugin("scoped").status()).isEqualTo(PluginStatus.HEALTHY);
    }
  }

  @Test
  void resourcesRegisteredBeforeAFailedInitializeAreClosedAtOnce() {
    List<String> closed = new CopyOnWriteArrayList<>();
    try (PluginHost host = PluginHost.builder().plugin(plugin("half").initialize((p, ctx) -> {
      ctx.closeOnTeardown(() -> closed.add("connection"));
      throw new IllegalStateException("schema missing");
    }).registry()).start()) {
      assertThat(closed).containsExactly("connection");
      assertThat(host.plugin("half").status()).isEqualTo(PluginStatus.UNHEALTHY);
    }
  }

  @Test
  void anOperatorsPerPluginTimeoutCutsAHangingOnUninstall() {
    var spec = new PluginSpec(plugin("hooks").onUninstall((p, ws) ->
        new CountDownLatch(1).await()).descriptor(), ConfigInput.NONE, true,
        Map.of(CallKind.ON_UNINSTALL, Duration.ofMillis(100)));
    try (PluginHost host = PluginHost.builder().plugin(spec).start()) {
      assertThat(host.onUninstall("hooks", "ws-1").reason()).isEqualTo("onUninstall failed: timed out after 100 ms");
    }
  }

  @Test
  void aThrowingListenerStillReceivesLaterEventsAndDoesNotDisturbTheHost() throws Exception {
    RecordingListener events = new RecordingListener();
    PluginHost host = PluginHost.builder()
        .listener(new LifecycleListener() {
          @Override
          public void onTransition(StatusTransition transition) {
            throw new IllegalStateException("listener bug");
          }
        })
        .listener(events)
        .plugin(plugin("a").registry()).start();
    host.close();
    assertThat(events.transitions()).containsExactly("a:new->registered", "a:registered->initializing",
        "a:initializing->healthy", "a:healthy->teardown");
  }

  @Test
  void aProbeMovesAPluginBetweenHealthyAndUnhealthy() {
    AtomicBoolean up = new AtomicBoolean(true);
    try (PluginHost host = PluginHost.builder()
        .plugin(plugin("flaky").healthCheck(p -> up.get() ? HealthResult.ok() : HealthResult.unhealthy("down"))
            .registry()).start()) {
      up.set(false);
      assertThat(host.probe("flaky").healthy()).isFalse();
      assertThat(host.plugin("flaky").status()).isEqualTo(PluginStatus.UNHEALTHY);
      up.set(true);
      host.probe("flaky");
      assertThat(host.plugin("flaky").status()).isEqualTo(PluginStatus.HEALTHY);
    }
  }
}
