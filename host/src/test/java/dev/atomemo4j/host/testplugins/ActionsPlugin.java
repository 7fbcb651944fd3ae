package dev.atomemo4j.host.testplugins;

import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.ToolContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** An action plugin whose bodies count every run, per stored request id, so tests can prove "exactly once". */
public final class ActionsPlugin {
  /** Request id → how many times any body ran for it. */
  public static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
  /** Request id → the secret token the body received (its real value). */
  public static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
  /** When set, open_ticket waits for it before returning: a host "dies" while executing. */
  public static volatile CountDownLatch hold;
  /** Counted down when open_ticket starts, while {@link #hold} is set. */
  public static volatile CountDownLatch started;

  /** Never counted down: hold_on's body waits on it until its deadline interrupts it. */
  public static final CountDownLatch NEVER = new CountDownLatch(1);
  /** Counted down when hold_on's body sees the interrupt of its deadline. */
  public static volatile CountDownLatch holdInterrupted = new CountDownLatch(1);

  public static void reset() {
    holdInterrupted = new CountDownLatch(1);
    RUNS.clear();
    TOKENS.clear();
    hold = null;
    started = null;
  }

  public static int totalRuns() {
    return RUNS.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  public String openTicket(String title, Secret token, ToolContext ctx) throws InterruptedException {
    RUNS.computeIfAbsent(ctx.requestId(), k -> new AtomicInteger()).incrementAndGet();
    if (token != null) {
      TOKENS.put(ctx.requestId(), token.reveal());
    }
    CountDownLatch h = hold;
    if (h != null) {
      started.countDown();
      h.await();
    }
    return "T-" + title;
  }

  public String wipeAll(ToolContext ctx) {
    RUNS.computeIfAbsent(ctx.requestId(), k -> new AtomicInteger()).incrementAndGet();
    return "wiped";
  }

  public String ping(String n, ToolContext ctx) {
    RUNS.computeIfAbsent(ctx.requestId(), k -> new AtomicInteger()).incrementAndGet();
    return "pong " + n;
  }

  /** A record input with a Secret inside it. */
  public record Account(String user, Secret password) {}

  public String logIn(Account account, ToolContext ctx) {
    RUNS.computeIfAbsent(ctx.requestId(), k -> new AtomicInteger()).incrementAndGet();
    TOKENS.put(ctx.requestId(), account.password().reveal());
    return "logged in as " + account.user();
  }

  /** Waits for {@link #NEVER}: only its deadline ends it. */
  public String holdOn(ToolContext ctx) throws InterruptedException {
    RUNS.computeIfAbsent(ctx.requestId(), k -> new AtomicInteger()).incrementAndGet();
    try {
      NEVER.await();
      return "released";
    } catch (InterruptedException e) {
      holdInterrupted.countDown();
      throw e;
    }
  }

  public String withCredential(ToolContext ctx) {
    RUNS.computeIfAbsent(ctx.requestId(), k -> new AtomicInteger()).incrementAndGet();
    return "ok";
  }
}
