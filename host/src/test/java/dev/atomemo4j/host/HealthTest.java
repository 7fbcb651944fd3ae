package dev.atomemo4j.host;

import static dev.atomemo4j.host.testplugins.HandWrittenRegistry.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.core.lifecycle.ConfigInput;
import dev.atomemo4j.core.lifecycle.ConfigValidator;
import dev.atomemo4j.core.lifecycle.Deadlines;
import dev.atomemo4j.core.lifecycle.HealthSnapshot;
import dev.atomemo4j.core.lifecycle.HostedPlugins;
import dev.atomemo4j.core.lifecycle.PluginSpec;
import dev.atomemo4j.core.lifecycle.Ticker;
import dev.atomemo4j.core.lifecycle.PluginHealth;
import dev.atomemo4j.host.testsupport.RecordingListener;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.PluginStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HealthTest {

  @Test
  void aProbeHungForAMinuteNeverDelaysAnotherPluginsFreshResult() throws Exception {
    CountDownLatch hungEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger healthyProbes = new AtomicInteger();
    RecordingListener events = new RecordingListener();
    try (PluginHost host = PluginHost.builder().listener(events)
        .plugin(plugin("hung").healthCheck(60_000, p -> {
          hungEntered.countDown();
          release.await();
          return HealthResult.ok();
        }).registry())
        .plugin(plugin("quick").healthCheck(p -> HealthResult.ok("probe " + healthyProbes.incrementAndGet()))
            .registry())
        .start()) {
      CompletableFuture<HealthSnapshot> round = host.healthAsync();
      assertThat(hungEntered.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(events.await(e -> e instanceof PluginHealth h && h.pluginId().equals("quick")
          && "probe 1".equals(h.message()))).as("the quick plugin's fresh result").isTrue();
      // Observed while the hung probe is still blocked: the round waits for it, the quick result did not.
      assertThat(release.getCount()).isEqualTo(1);
      assertThat(round).isNotDone();
      assertThat(host.plugin("quick").lastHealth()).get().extracting(PluginHealth::message).isEqualTo("probe 1");
      assertThat(host.plugin("hung").lastHealth()).isEmpty();
      release.countDown();
      HealthSnapshot snapshot = round.get(10, TimeUnit.SECONDS);
      assertThat(snapshot.healthy()).isTrue();
    }
  }

  @Test
  void aProbePastItsDeadlineIsUnhealthyTimedOut() {
    try (PluginHost host = PluginHost.builder()
        .plugin(plugin("slow").healthCheck(150, p -> {
          new CountDownLatch(1).await();
          return HealthResult.ok();
        }).registry()).start()) {
      PluginHealth health = host.probe("slow");
      assertThat(health.healthy()).isFalse();
      assertThat(health.message()).isEqualTo("timed out after 150 ms");
      assertThat(host.plugin("slow").status()).isEqualTo(PluginStatus.UNHEALTHY);
    }
  }

  @Test
  void aThrowingProbeIsUnhealthyWithItsMessageAndTheHostMeasuresLatency() {
    AtomicLong now = new AtomicLong();
    try (PluginHost host = PluginHost.builder().ticker(now::get)
        .plugin(plugin("db").healthCheck(p -> {
          now.addAndGet(Duration.ofMillis(42).toNanos());
          throw new IllegalStateException("connection refused");
        }).registry()).start()) {
      PluginHealth health = host.probe("db");
      assertThat(health.message()).isEqualTo("IllegalStateException: connection refused");
      assertThat(health.latency()).isEqualTo(Duration.ofMillis(42));
      assertThat(health.probed()).isTrue();
    }
  }

  @Test
  void aPluginWithoutAHealthCheckIsHealthyExactlyWhenItsStatusIs() {
    try (PluginHost host = PluginHost.builder()
        .plugin(plugin("fine").registry())
        .plugin(plugin("failed").initialize((p, c) -> {
          throw new IllegalStateException("x");
        }).registry()).start()) {
      HealthSnapshot snapshot = host.probeAll();
      assertThat(snapshot.plugin("fine")).get().extracting(e -> e.health().healthy()).isEqualTo(true);
      assertThat(snapshot.plugin("failed")).get().extracting(e -> e.health().healthy()).isEqualTo(false);
      assertThat(snapshot.healthy()).isFalse();
    }
  }

  @Test
  void aDisabledUnhealthyPluginDoesNotMakeTheHostUnhealthy() {
    try (PluginHost host = PluginHost.builder()
        .plugin(plugin("fine").registry())
        .plugin(plugin("down").healthCheck(p -> HealthResult.unhealthy("down")).registry()).start()) {
      assertThat(host.probeAll().healthy()).isFalse();
      host.disable("down");
      assertThat(host.health().healthy()).isTrue();
    }
  }

  @Test
  void theHealthViewIsCachedForItsTtlByTheInjectedTicker() {
    AtomicLong now = new AtomicLong();
    AtomicInteger probes = new AtomicInteger();
    try (PluginHost host = PluginHost.builder().ticker(now::get).healthCacheTtl(Duration.ofSeconds(15))
        .plugin(plugin("p").healthCheck(p -> HealthResult.ok("probe " + probes.incrementAndGet())).registry())
        .start()) {
      assertThat(message(host.health())).isEqualTo("probe 1");
      now.addAndGet(Duration.ofSeconds(14).toNanos());
      assertThat(message(host.health())).isEqualTo("probe 1");
      now.addAndGet(Duration.ofSeconds(1).toNanos());
      assertThat(message(host.health())).isEqualTo("probe 2");
    }
  }

  @Test
  void refreshAndDisableInvalidateTheCachedView() {
    AtomicLong now = new AtomicLong();
    AtomicInteger probes = new AtomicInteger();
    try (PluginHost host = PluginHost.builder().ticker(now::get)
        .plugin(plugin("p").context(p -> "ctx").healthCheck(p -> HealthResult.ok("probe " + probes.incrementAndGet()))
            .registry())
        .start()) {
      assertThat(message(host.health())).isEqualTo("probe 1");
      assertThat(host.refresh("p").ok()).isTrue();
      assertThat(message(host.health())).isEqualTo("probe 2");
      host.disable("p");
      assertThat(message(host.health())).isEqualTo("probe 3");
    }
  }

  @Test
  void theHealthLoopProbesEveryInterval() throws Exception {
    RecordingListener events = new RecordingListener();
    AtomicInteger probes = new AtomicInteger();
    try (PluginHost host = PluginHost.builder().listener(events).healthInterval(Duration.ofMillis(50))
        .plugin(plugin("p").healthCheck(p -> HealthResult.ok("probe " + probes.incrementAndGet())).registry())
        .start()) {
      assertThat(events.await(e -> e instanceof PluginHealth h && "probe 3".equals(h.message()))).isTrue();
      assertThat(host.plugin("p").lastHealth()).isPresent();
    }
  }

  @Test
  void aHungProbeNeverStallsTheHealthLoopForTheOtherPlugins() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger hungStarts = new AtomicInteger();
    AtomicInteger quickProbes = new AtomicInteger();
    RecordingListener events = new RecordingListener();
    try (PluginHost host = PluginHost.builder().listener(events).healthInterval(Duration.ofMillis(50))
        .plugin(plugin("hung").healthCheck(60_000, p -> {
          hungStarts.incrementAndGet();
          release.await();
          return HealthResult.ok();
        }).registry())
        .plugin(plugin("quick").healthCheck(p -> HealthResult.ok("probe " + quickProbes.incrementAndGet()))
            .registry())
        .start()) {
      assertThat(events.await(e -> e instanceof PluginHealth h && "probe 5".equals(h.message()))).isTrue();
      assertThat(release.getCount()).as("the hung probe is still blocked").isEqualTo(1);
      assertThat(hungStarts).as("joined, not stacked").hasValue(1);
      assertThat(host.plugin("hung").lastHealth()).as("no result of the hung probe yet").isEmpty();
      release.countDown();
    }
  }

  @Test
  void concurrentProbesOfOnePluginShareOneCall() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    var spec = PluginSpec.of(plugin("p").healthCheck(p -> {
      calls.incrementAndGet();
      release.await();
      return HealthResult.ok();
    }).descriptor(), ConfigInput.NONE);
    try (HostedPlugins plugins = new HostedPlugins(ConfigValidator.validate(List.of(spec)), Deadlines.DEFAULT,
        List.of(), Ticker.SYSTEM, Clock.systemUTC(), Duration.ofSeconds(5))) {
      plugins.boot();
      CompletableFuture<PluginHealth> first = plugins.probe("p");
      CompletableFuture<PluginHealth> second = plugins.probe("p");
      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(second.get(10, TimeUnit.SECONDS));
      assertThat(calls).hasValue(1);
    }
  }

  private static String message(HealthSnapshot snapshot) {
    return snapshot.plugins().get(0).health().message();
  }
}
