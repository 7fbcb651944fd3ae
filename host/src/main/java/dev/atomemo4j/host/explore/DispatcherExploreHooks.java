package dev.atomemo4j.host.explore;

import dev.atomemo4j.core.hooks.HookDispatcher;
import dev.atomemo4j.core.hooks.HookRejectedException;
import dev.atomemo4j.runtime.hooks.ExploreEvent;
import dev.atomemo4j.runtime.hooks.ExploreResultEvent;
import dev.atomemo4j.runtime.sandbox.ExecResult;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The plugins' {@code @Hook(BEFORE_EXPLORE)} and {@code @Hook(AFTER_EXPLORE)} methods, through the core's
 * {@link HookDispatcher}: chained in registration order over the healthy, enabled plugins, each under its deadline.
 * A rejection (a handler that threw or ran past its deadline) becomes {@code explore:rejected} with the dispatcher's
 * reason ("Command rejected by plugin audit: …"); the after-hooks run in the background and never change the
 * result.
 */
public final class DispatcherExploreHooks implements ExploreHooks {
  private final HookDispatcher dispatcher;

  public DispatcherExploreHooks(HookDispatcher dispatcher) {
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
  }

  @Override
  public String beforeExplore(String command, UnaryOperator<String> revalidate) {
    try {
      return dispatcher.beforeExplore(new ExploreEvent(command), revalidate::apply);
    } catch (HookRejectedException e) {
      String code = e.code().equals(HookRejectedException.CLOSED) ? ExploreException.CLOSED
          : ExploreException.REJECTED;
      throw new ExploreException(code, e.reason());
    }
  }

  @Override
  public void afterExplore(String command, ExploreResult result) {
    dispatcher.afterExplore(new ExploreResultEvent(command, new ExecResult(result.stdout(), result.stderr(),
        result.exitCode())));
  }
}
