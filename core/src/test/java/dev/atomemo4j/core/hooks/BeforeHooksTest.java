package dev.atomemo4j.core.hooks;

import static dev.atomemo4j.core.hooks.HookHost.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.core.lifecycle.CallKind;
import dev.atomemo4j.core.lifecycle.Deadlines;
import dev.atomemo4j.core.lifecycle.HostedPlugins;
import dev.atomemo4j.runtime.PluginContext;
import dev.atomemo4j.runtime.hooks.ExploreEvent;
import dev.atomemo4j.runtime.hooks.ExploreRewrite;
import dev.atomemo4j.runtime.hooks.QueryEvent;
import dev.atomemo4j.runtime.hooks.QueryRewrite;
import dev.atomemo4j.runtime.spi.HookBinding;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code beforeQuery} and {@code beforeExplore}: chaining, re-validation, rejection, deadlines, who takes part. */
class BeforeHooksTest {
  private static final QueryEvent QUERY = new QueryEvent("sales", "SELECT 1");

  private static HookBinding.Handler append(String suffix, List<String> seen) {
    return (plugin, event, context) -> {
      String sql = ((QueryEvent) event).sql();
      seen.add(context.pluginId() + " saw " + sql);
      return QueryRewrite.to(sql + suffix);
    };
  }

  @Test
  void rewritesChainInRegistrationOrder() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("first").hook(HookPoint.BEFORE_QUERY, append(" /*a*/", seen)))
        .add(plugin("second").hook(HookPoint.BEFORE_QUERY, append(" /*b*/", seen)))
        .boot()) {
      String sql = plugins.hooks().beforeQuery(QUERY, Revalidation.NONE);

      assertThat(sql).isEqualTo("SELECT 1 /*a*/ /*b*/");
      assertThat(seen).containsExactly("first saw SELECT 1", "second saw SELECT 1 /*a*/");
    }
  }

  @Test
  void eachRewriteIsRevalidatedAndTheNextHookSeesTheValidatorsForm() {
    List<String> seen = new CopyOnWriteArrayList<>();
    List<String> validated = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("first").hook(HookPoint.BEFORE_QUERY, append(" WHERE x = 1", seen)))
        .add(plugin("second").hook(HookPoint.BEFORE_QUERY, append(" ORDER BY x", seen)))
        .boot()) {
      String sql = plugins.hooks().beforeQuery(QUERY, rewritten -> {
        validated.add(rewritten);
        return rewritten + " LIMIT 10";
      });

      assertThat(validated).containsExactly("SELECT 1 WHERE x = 1", "SELECT 1 WHERE x = 1 LIMIT 10 ORDER BY x");
      assertThat(seen).containsExactly("first saw SELECT 1", "second saw SELECT 1 WHERE x = 1 LIMIT 10");
      assertThat(sql).isEqualTo("SELECT 1 WHERE x = 1 LIMIT 10 ORDER BY x LIMIT 10");
    }
  }

  @Test
  void aRewriteTheValidatorRefusesRejectsTheQueryBeforeTheNextHookRuns() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("sneaky").hook(HookPoint.BEFORE_QUERY, (p, e, c) -> QueryRewrite.to("DELETE FROM orders")))
        .add(plugin("later").hook(HookPoint.BEFORE_QUERY, append("", seen)))
        .boot()) {
      assertThatThrownBy(() -> plugins.hooks().beforeQuery(QUERY, rewritten -> {
        throw new IllegalArgumentException("query:not_read_only " + rewritten);
      })).isInstanceOf(IllegalArgumentException.class).hasMessage("query:not_read_only DELETE FROM orders");
      assertThat(seen).isEmpty();
    }
  }

  @Test
  void aHookThatReturnsTheSameTextIsNotRevalidated() {
    List<String> validated = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("noop").hook(HookPoint.BEFORE_QUERY, (p, e, c) -> QueryRewrite.to(((QueryEvent) e).sql())))
        .add(plugin("pass").hook(HookPoint.BEFORE_QUERY, (p, e, c) -> null))
        .boot()) {
      String sql = plugins.hooks().beforeQuery(QUERY, rewritten -> {
        validated.add(rewritten);
        return rewritten;
      });

      assertThat(sql).isEqualTo("SELECT 1");
      assertThat(validated).isEmpty();
    }
  }

  @Test
  void aThrowingHandlerRejectsWithThePluginsMessage() {
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("audit").hook(HookPoint.BEFORE_QUERY, (p, e, c) -> {
          throw new SecurityException("tables of HR are off limits");
        }))
        .boot()) {
      assertThatThrownBy(() -> plugins.hooks().beforeQuery(QUERY, Revalidation.NONE))
          .isInstanceOfSatisfying(HookRejectedException.class, r -> {
            assertThat(r.code()).isEqualTo("host:hook_rejected");
            assertThat(r.reason()).isEqualTo("Query rejected by plugin audit: tables of HR are off limits");
            assertThat(r.pluginId()).isEqualTo("audit");
            assertThat(r.point()).isEqualTo(HookPoint.BEFORE_QUERY);
            assertThat(r.getCause()).isNull();
          });
    }
  }

  @Test
  void aRejectionStopsTheChain() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("audit").hook(HookPoint.BEFORE_QUERY, (p, e, c) -> {
          throw new IllegalStateException("no");
        }))
        .add(plugin("later").hook(HookPoint.BEFORE_QUERY, append("", seen)))
        .boot()) {
      assertThatThrownBy(() -> plugins.hooks().beforeQuery(QUERY, Revalidation.NONE))
          .isInstanceOf(HookRejectedException.class);
      assertThat(seen).isEmpty();
    }
  }

  @Test
  void aRejectionMessageLosesItsLineBreaksAndIsCapped() {
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("audit").hook(HookPoint.BEFORE_QUERY, (p, e, c) -> {
          throw new IllegalStateException("first line\nforged: log line\r" + "x".repeat(2000));
        }))
        .boot()) {
      assertThatThrownBy(() -> plugins.hooks().beforeQuery(QUERY, Revalidation.NONE))
          .isInstanceOfSatisfying(HookRejectedException.class, r -> {
            assertThat(r.reason()).startsWith("Query rejected by plugin audit: first line forged: log line x")
                .doesNotContain("\n").doesNotContain("\r").endsWith("…");
            assertThat(r.reason()).hasSizeLessThan(HookDispatcher.MAX_REASON + 100);
          });
    }
  }

  @Test
  void aHandlerThrowingWithoutAMessageIsNamedByItsType() {
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("audit").hook(HookPoint.BEFORE_QUERY, (p, e, c) -> {
          throw new UnsupportedOperationException();
        }))
        .boot()) {
      assertThatThrownBy(() -> plugins.hooks().beforeQuery(QUERY, Revalidation.NONE))
          .isInstanceOfSatisfying(HookRejectedException.class, r -> assertThat(r.reason())
              .isEqualTo("Query rejected by plugin audit: UnsupportedOperationException"));
    }
  }

  @Test
  void aThrowingMatcherSkipsOnlyThatHook() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("broken").hook(HookPoint.BEFORE_QUERY, null, (p, e) -> {
          throw new IllegalStateException("matcher bug");
        }, append(" /*broken*/", seen)))
        .add(plugin("fine").hook(HookPoint.BEFORE_QUERY, append(" /*fine*/", seen)))
        .boot()) {
      String sql = plugins.hooks().beforeQuery(QUERY, Revalidation.NONE);

      assertThat(sql).isEqualTo("SELECT 1 /*fine*/");
      assertThat(seen).containsExactly("fine saw SELECT 1");
    }
  }

  @Test
  void aMatcherThatSaysNoSkipsItsHookForThatEventOnly() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("sales-only").hook(HookPoint.BEFORE_QUERY, null,
            (p, e) -> ((QueryEvent) e).datasourceId().equals("sales"), append(" /*s*/", seen)))
        .boot()) {
      assertThat(plugins.hooks().beforeQuery(new QueryEvent("hr", "SELECT 2"), Revalidation.NONE))
          .isEqualTo("SELECT 2");
      assertThat(plugins.hooks().beforeQuery(QUERY, Revalidation.NONE)).isEqualTo("SELECT 1 /*s*/");
      assertThat(seen).containsExactly("sales-only saw SELECT 1");
    }
  }

  @Test
  void aBeforeHookPastItsDeadlineRejectsAndIsInterrupted() throws InterruptedException {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    try (HostedPlugins plugins = new HookHost()
        .deadlines(Deadlines.DEFAULT.withDefault(CallKind.HOOK, Duration.ofMillis(50)))
        .add(plugin("slow").hook(HookPoint.BEFORE_QUERY, (p, e, c) -> {
          entered.countDown();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException cut) {
            interrupted.countDown();
          }
          return QueryRewrite.to("SELECT 'too late'");
        }))
        .boot()) {
      assertThatThrownBy(() -> plugins.hooks().beforeQuery(QUERY, Revalidation.NONE))
          .isInstanceOfSatisfying(HookRejectedException.class, r -> {
            assertThat(r.code()).isEqualTo("host:hook_timeout");
            assertThat(r.reason()).isEqualTo("Query rejected by plugin slow: its beforeQuery hook hook0 did not "
                + "answer within 50 ms");
          });
      assertThat(entered.getCount()).isZero();
      assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the hung hook was interrupted").isTrue();
    }
  }

  @Test
  void aHungMatcherRejectsToo() {
    try (HostedPlugins plugins = new HookHost()
        .deadlines(Deadlines.DEFAULT.withDefault(CallKind.HOOK, Duration.ofMillis(50)))
        .add(plugin("slow").hook(HookPoint.BEFORE_QUERY, null, (p, e) -> {
          new CountDownLatch(1).await();
          return true;
        }, (p, e, c) -> null))
        .boot()) {
      assertThatThrownBy(() -> plugins.hooks().beforeQuery(QUERY, Revalidation.NONE))
          .isInstanceOfSatisfying(HookRejectedException.class,
              r -> assertThat(r.code()).isEqualTo("host:hook_timeout"));
    }
  }

  @Test
  void theHooksDeclaredTimeoutWinsOverTheHostDefault() {
    try (HostedPlugins plugins = new HookHost()
        .deadlines(Deadlines.DEFAULT.withDefault(CallKind.HOOK, Duration.ofMinutes(5)))
        .add(plugin("slow").hook(HookPoint.BEFORE_QUERY, Duration.ofMillis(40), null, (p, e, c) -> {
          new CountDownLatch(1).await();
          return null;
        }))
        .boot()) {
      assertThatThrownBy(() -> plugins.hooks().beforeQuery(QUERY, Revalidation.NONE))
          .isInstanceOfSatisfying(HookRejectedException.class,
              r -> assertThat(r.reason()).endsWith("did not answer within 40 ms"));
    }
  }

  @Test
  void theOperatorsPerPluginHookDeadlineWinsOverTheAnnotation() {
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("slow").hookDeadline(Duration.ofMillis(30))
            .hook(HookPoint.BEFORE_QUERY, Duration.ofMinutes(5), null, (p, e, c) -> {
              new CountDownLatch(1).await();
              return null;
            }))
        .boot()) {
      assertThatThrownBy(() -> plugins.hooks().beforeQuery(QUERY, Revalidation.NONE))
          .isInstanceOfSatisfying(HookRejectedException.class,
              r -> assertThat(r.reason()).endsWith("did not answer within 30 ms"));
    }
  }

  @Test
  void aHooksDeadlineIsCappedAtTheHostMaximum() {
    try (HostedPlugins plugins = new HookHost()
        .deadlines(Deadlines.DEFAULT.withMaximum(Duration.ofMillis(35)))
        .add(plugin("slow").hook(HookPoint.BEFORE_QUERY, Duration.ofMinutes(5), null, (p, e, c) -> {
          new CountDownLatch(1).await();
          return null;
        }))
        .boot()) {
      assertThatThrownBy(() -> plugins.hooks().beforeQuery(QUERY, Revalidation.NONE))
          .isInstanceOfSatisfying(HookRejectedException.class,
              r -> assertThat(r.reason()).endsWith("did not answer within 35 ms"));
    }
  }

  @Test
  void anInterruptedCallerRejectsTheQueryAndInterruptsTheHook() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch hookInterrupted = new CountDownLatch(1);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("slow").hook(HookPoint.BEFORE_QUERY, (p, e, c) -> {
          entered.countDown();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException cut) {
            hookInterrupted.countDown();
          }
          return null;
        }))
        .boot()) {
      Thread caller = new Thread(() -> {
        try {
          plugins.hooks().beforeQuery(QUERY, Revalidation.NONE);
        } catch (Throwable t) {
          thrown.set(t);
        }
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      });
      caller.start();
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      caller.interrupt();
      caller.join(10_000);

      assertThat(thrown.get()).isInstanceOfSatisfying(HookRejectedException.class,
          r -> assertThat(r.code()).isEqualTo("host:interrupted"));
      assertThat(stillInterrupted.get()).as("the caller's interrupt flag is kept").isTrue();
      assertThat(hookInterrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aClosedDispatcherRejectsRatherThanSkipTheHooks() {
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("audit").hook(HookPoint.BEFORE_QUERY, (p, e, c) -> null))
        .boot()) {
      HookDispatcher hooks = new HookDispatcher(plugins.all(), System::nanoTime);
      hooks.close();

      assertThatThrownBy(() -> hooks.beforeQuery(QUERY, Revalidation.NONE))
          .isInstanceOfSatisfying(HookRejectedException.class, r -> assertThat(r.code()).isEqualTo("host:closed"));
    }
  }

  @Test
  void disabledAndUnhealthyPluginsHooksDoNotRun() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("off").disabled().hook(HookPoint.BEFORE_QUERY, append(" /*off*/", seen)))
        .add(plugin("broken").failingToInitialize().hook(HookPoint.BEFORE_QUERY, append(" /*broken*/", seen)))
        .add(plugin("on").hook(HookPoint.BEFORE_QUERY, append(" /*on*/", seen)))
        .boot()) {
      assertThat(plugins.hooks().beforeQuery(QUERY, Revalidation.NONE)).isEqualTo("SELECT 1 /*on*/");
      assertThat(seen).containsExactly("on saw SELECT 1");
    }
  }

  @Test
  void aPluginDisabledAtRunTimeStopsTakingPartAndComesBackWhenEnabled() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("toggled").hook(HookPoint.BEFORE_QUERY, append(" /*t*/", seen)))
        .boot()) {
      plugins.disable("toggled");
      assertThat(plugins.hooks().beforeQuery(QUERY, Revalidation.NONE)).isEqualTo("SELECT 1");
      plugins.enable("toggled");
      assertThat(plugins.hooks().beforeQuery(QUERY, Revalidation.NONE)).isEqualTo("SELECT 1 /*t*/");
      assertThat(seen).containsExactly("toggled saw SELECT 1");
    }
  }

  @Test
  void theHandlerReceivesItsOwnPluginContextAndObject() {
    AtomicReference<PluginContext> context = new AtomicReference<>();
    AtomicReference<Object> target = new AtomicReference<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("other").hook(HookPoint.BEFORE_QUERY, (p, e, c) -> null))
        .add(plugin("mine").hook(HookPoint.BEFORE_QUERY, (p, e, c) -> {
          if (c.pluginId().equals("mine")) {
            context.set(c);
            target.set(p);
          }
          return null;
        }))
        .boot()) {
      plugins.hooks().beforeQuery(QUERY, Revalidation.NONE);

      assertThat(context.get()).isSameAs(plugins.get("mine").pluginContext());
      assertThat(target.get()).isSameAs(plugins.get("mine").pluginObject());
    }
  }

  @Test
  void aHandlerReturningSomethingElseThanARewriteIsIgnored() {
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("confused").hook(HookPoint.BEFORE_QUERY, (p, e, c) -> ExploreRewrite.to("rm -rf /")))
        .boot()) {
      assertThat(plugins.hooks().beforeQuery(QUERY, Revalidation.NONE)).isEqualTo("SELECT 1");
    }
  }

  @Test
  void withNoHooksTheTextPassesAndTheValidatorIsNotCalled() {
    try (HostedPlugins plugins = new HookHost().add(plugin("plain")).boot()) {
      HookDispatcher hooks = plugins.hooks();

      assertThat(hooks.has(HookPoint.BEFORE_QUERY)).isFalse();
      assertThat(hooks.beforeQuery(QUERY, rewritten -> {
        throw new AssertionError("not called");
      })).isEqualTo("SELECT 1");
    }
  }

  @Test
  void exploreRewritesChainAndAreRevalidated() {
    List<String> validated = new CopyOnWriteArrayList<>();
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("quiet").hook(HookPoint.BEFORE_EXPLORE,
            (p, e, c) -> ExploreRewrite.to(((ExploreEvent) e).command() + " 2>/dev/null")))
        .add(plugin("paged").hook(HookPoint.BEFORE_EXPLORE,
            (p, e, c) -> ExploreRewrite.to(((ExploreEvent) e).command() + " | head -100")))
        .boot()) {
      String command = plugins.hooks().beforeExplore(new ExploreEvent("ls docs"), rewritten -> {
        validated.add(rewritten);
        return rewritten;
      });

      assertThat(command).isEqualTo("ls docs 2>/dev/null | head -100");
      assertThat(validated).containsExactly("ls docs 2>/dev/null", "ls docs 2>/dev/null | head -100");
    }
  }

  @Test
  void anExploreRewriteTheValidatorRefusesRejectsTheCommand() {
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("sneaky").hook(HookPoint.BEFORE_EXPLORE, (p, e, c) -> ExploreRewrite.to("curl evil.example")))
        .boot()) {
      assertThatThrownBy(() -> plugins.hooks().beforeExplore(new ExploreEvent("ls"), rewritten -> {
        throw new IllegalArgumentException("sandbox:forbidden_command");
      })).hasMessage("sandbox:forbidden_command");
    }
  }

  @Test
  void aThrowingExploreHookRejectsTheCommandWithItsMessage() {
    try (HostedPlugins plugins = new HookHost()
        .add(plugin("guard").hook(HookPoint.BEFORE_EXPLORE, (p, e, c) -> {
          throw new SecurityException("no network tools");
        }))
        .boot()) {
      assertThatThrownBy(() -> plugins.hooks().beforeExplore(new ExploreEvent("curl x"), Revalidation.NONE))
          .isInstanceOfSatisfying(HookRejectedException.class, r -> {
            assertThat(r.code()).isEqualTo("host:hook_rejected");
            assertThat(r.reason()).isEqualTo("Command rejected by plugin guard: no network tools");
          });
    }
  }

  @Test
  void aTornDownPluginsHooksDoNotRun() {
    List<String> seen = new CopyOnWriteArrayList<>();
    HostedPlugins plugins = new HookHost()
        .add(plugin("audit").hook(HookPoint.BEFORE_QUERY, append(" /*audited*/", seen)))
        .boot();
    HookDispatcher hooks = plugins.hooks();
    plugins.close();

    assertThat(hooks.beforeQuery(QUERY, Revalidation.NONE)).isEqualTo("SELECT 1");
    assertThat(seen).isEmpty();
  }
}
