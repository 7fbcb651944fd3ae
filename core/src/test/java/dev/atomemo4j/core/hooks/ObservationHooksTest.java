package dev.atomemo4j.core.hooks;

import static dev.atomemo4j.core.hooks.HookHost.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.core.lifecycle.CallKind;
import dev.atomemo4j.core.lifecycle.Deadlines;
import dev.atomemo4j.core.lifecycle.HostedPlugins;
import dev.atomemo4j.runtime.datasource.QueryResult;
import dev.atomemo4j.runtime.hooks.ExploreResultEvent;
import dev.atomemo4j.runtime.hooks.QueryResultEvent;
import dev.atomemo4j.runtime.hooks.RequestEvent;
import dev.atomemo4j.runtime.hooks.ResponseEvent;
import dev.atomemo4j.runtime.sandbox.ExecResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code afterQuery}, {@code afterExplore}, {@code onRequest}, {@code onResponse}: they observe, nothing more. */
class ObservationHooksTest {
  private static final QueryResult RESULT = new QueryResult(List.of("n"), List.of(List.of(1)));
  private static final QueryResultEvent AFTER = new QueryResultEvent("sales", "SELECT 1 AS n", RESULT, 7);

  private static void await(CompletableFuture<Void> done) throws Exception {
    done.get(10, TimeUnit.SECONDS);
  }

  @Test
  void anAfterQueryHookSeesTheQueryItsResultAndDuration() throws Exception {
    List<QueryResultEvent> seen = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("metrics").hook(HookPoint.AFTER_QUERY, (p, e, c) -> {
          seen.add((QueryResultEvent) e);
          return null;
        }))
        .boot()) {
      await(plugins.hooks().afterQuery(AFTER));

      assertThat(seen).containsExactly(AFTER);
    }
  }

  @Test
  void observationHooksRunInRegistrationOrder() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("first").hook(HookPoint.ON_RESPONSE, (p, e, c) -> order.add(c.pluginId()))
            .hook(HookPoint.ON_RESPONSE, (p, e, c) -> order.add(c.pluginId() + " again")))
        .add(plugin("second").hook(HookPoint.ON_RESPONSE, (p, e, c) -> order.add(c.pluginId())))
        .boot()) {
      await(plugins.hooks().onResponse(new ResponseEvent(null, "GET", "/api/plugins", 200)));

      assertThat(order).containsExactly("first", "first again", "second");
    }
  }

  @Test
  void aThrowingAfterHookIsSwallowedAndTheNextOneStillRuns() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("broken").hook(HookPoint.AFTER_QUERY, (p, e, c) -> {
          throw new IllegalStateException("metrics backend down");
        }))
        .add(plugin("fine").hook(HookPoint.AFTER_QUERY, (p, e, c) -> seen.add(((QueryResultEvent) e).sql())))
        .boot()) {
      CompletableFuture<Void> done = plugins.hooks().afterQuery(AFTER);
      await(done);

      assertThat(done).isCompletedWithValue(null);
      assertThat(seen).containsExactly("SELECT 1 AS n");
    }
  }

  @Test
  void aHungAfterHookIsInterruptedAtItsDeadlineAndTheNextOneStillRuns() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    List<String> seen = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .deadlines(Deadlines.DEFAULT.withDefault(CallKind.HOOK, Duration.ofMillis(50)))
        .add(plugin("hung").hook(HookPoint.AFTER_EXPLORE, (p, e, c) -> {
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException cut) {
            interrupted.countDown();
          }
          return null;
        }))
        .add(plugin("fine").hook(HookPoint.AFTER_EXPLORE,
            (p, e, c) -> seen.add(((ExploreResultEvent) e).output().stdout())))
        .boot()) {
      await(plugins.hooks().afterExplore(new ExploreResultEvent("ls", new ExecResult("a.md\n", "", 0))));

      assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(seen).containsExactly("a.md\n");
    }
  }

  @Test
  void aHungAfterHookNeverHoldsTheCaller() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("hung").hook(HookPoint.AFTER_QUERY, (p, e, c) -> {
          release.await();
          return null;
        }))
        .boot()) {
      CompletableFuture<Void> done = plugins.hooks().afterQuery(AFTER);

      // Returned while the hook still blocks: the caller answers its query without waiting.
      assertThat(done).isNotDone();
      release.countDown();
      await(done);
    }
  }

  @Test
  void aThrowingMatcherSkipsOnlyThatObservationHook() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("broken").hook(HookPoint.ON_REQUEST, null, (p, e) -> {
          throw new IllegalStateException("bad matcher");
        }, (p, e, c) -> seen.add("broken")))
        .add(plugin("fine").hook(HookPoint.ON_REQUEST, (p, e, c) -> seen.add("fine")))
        .boot()) {
      await(plugins.hooks().onRequest(new RequestEvent(null, "GET", "/health", Map.of())));

      assertThat(seen).containsExactly("fine");
    }
  }

  @Test
  void disabledAndUnhealthyPluginsDoNotObserve() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("off").disabled().hook(HookPoint.ON_REQUEST, (p, e, c) -> seen.add("off")))
        .add(plugin("broken").failingToInitialize().hook(HookPoint.ON_REQUEST, (p, e, c) -> seen.add("broken")))
        .add(plugin("on").hook(HookPoint.ON_REQUEST, (p, e, c) -> seen.add("on")))
        .boot()) {
      await(plugins.hooks().onRequest(new RequestEvent("on", "POST", "/plugins/on/webhook", Map.of())));

      assertThat(seen).containsExactly("on");
    }
  }

  @Test
  void anObservationHookReceivesItsPluginsContext() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("audit").hook(HookPoint.ON_RESPONSE, (p, e, c) -> {
          seen.add(c.pluginId() + " " + ((ResponseEvent) e).status());
          return null;
        }))
        .boot()) {
      await(plugins.hooks().onResponse(new ResponseEvent("audit", "GET", "/plugins/audit/x", 404)));

      assertThat(seen).containsExactly("audit 404");
    }
  }

  @Test
  void withNoObserversTheFutureIsAlreadyDone() {
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("other-point").hook(HookPoint.BEFORE_QUERY, (p, e, c) -> null))
        .boot()) {
      assertThat(plugins.hooks().afterQuery(AFTER)).isCompletedWithValue(null);
      assertThat(plugins.hooks().onRequest(new RequestEvent(null, "GET", "/", Map.of()))).isDone();
    }
  }
}
