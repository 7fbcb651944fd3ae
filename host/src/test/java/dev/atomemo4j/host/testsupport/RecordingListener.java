package dev.atomemo4j.host.testsupport;

import dev.atomemo4j.core.lifecycle.EnabledChange;
import dev.atomemo4j.core.lifecycle.LifecycleListener;
import dev.atomemo4j.core.lifecycle.PluginHealth;
import dev.atomemo4j.core.lifecycle.StatusTransition;
import dev.atomemo4j.core.lifecycle.TeardownResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Keeps every event in arrival order, and lets a test wait for one. */
public final class RecordingListener implements LifecycleListener {
  private final List<Object> events = new CopyOnWriteArrayList<>();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

  private record Waiter(Predicate<Object> match, CountDownLatch latch) {}

  @Override
  public void onTransition(StatusTransition transition) {
    add(transition);
  }

  @Override
  public void onEnabledChanged(EnabledChange change) {
    add(change);
  }

  @Override
  public void onHealthChecked(PluginHealth health) {
    add(health);
  }

  @Override
  public void onTeardown(TeardownResult result) {
    add(result);
  }

  private void add(Object event) {
    events.add(event);
    for (Waiter w : waiters) {
      if (w.match.test(event)) {
        w.latch.countDown();
      }
    }
  }

  public List<Object> events() {
    return List.copyOf(events);
  }

  /** Transitions as {@code id:from->to}, in arrival order. */
  public List<String> transitions() {
    return events.stream().filter(e -> e instanceof StatusTransition).map(e -> (StatusTransition) e)
        .map(t -> t.pluginId() + ":" + (t.from() == null ? "new" : t.from().wireName()) + "->" + t.to().wireName())
        .toList();
  }

  /** Waits (at most 10 s) for an event matching {@code match}, past or future; false when none came. */
  public boolean await(Predicate<Object> match) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(1);
    waiters.add(new Waiter(match, latch));
    if (events.stream().anyMatch(match)) {
      return true;
    }
    return latch.await(10, TimeUnit.SECONDS);
  }

  /** Waits for a probe result of a plugin. */
  public boolean awaitHealth(String pluginId) throws InterruptedException {
    return await(e -> e instanceof PluginHealth h && h.pluginId().equals(pluginId));
  }
}
