package dev.atomemo4j.host.actions;

import dev.atomemo4j.core.actions.ActionCodes;
import dev.atomemo4j.core.lifecycle.CallKind;
import dev.atomemo4j.core.lifecycle.DeadlineCalls;
import dev.atomemo4j.core.lifecycle.Ticker;
import dev.atomemo4j.core.pipeline.Exchange;
import dev.atomemo4j.core.pipeline.InvokeStage;
import dev.atomemo4j.core.pipeline.RequestFailure;
import dev.atomemo4j.core.pipeline.Stage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The INVOKE phase of action executions: the core's {@link InvokeStage} on a thread of its own under the action's
 * deadline. The deadline starts after the claim (the APPROVAL phase ran on the caller's thread), so it measures the
 * body alone. At the deadline the body's thread is interrupted, an asynchronous result is cancelled, and the stage
 * fails with {@link ActionCodes#TIMEOUT}; the host records that as the request's failure.
 */
final class DeadlineInvokeStage implements Stage {
  /** Attribute: the {@link Duration} the body of this exchange may run. */
  static final String DEADLINE = "atomemo4j.host.action-deadline";
  /** Attribute: the hosted plugin's id, for the body thread's name. */
  static final String PLUGIN_ID = "atomemo4j.host.plugin-id";

  /**
   * Runs action bodies, one thread each, for every host in the process: its only long-lived thread is the daemon
   * timer, and a body's thread ends with the body.
   */
  private static final DeadlineCalls BODIES = new DeadlineCalls(Ticker.SYSTEM);

  private final InvokeStage invoke = new InvokeStage();

  @Override
  public CompletionStage<?> apply(Exchange ex) {
    Duration deadline = (Duration) ex.attributes().get(DEADLINE);
    String pluginId = (String) ex.attributes().get(PLUGIN_ID);
    CompletableFuture<Void> done = new CompletableFuture<>();
    BODIES.call(pluginId, CallKind.ACTION, deadline, () -> {
      CompletionStage<?> later = invoke.apply(ex);
      if (later != null) {
        later.toCompletableFuture().join();
      }
      return null;
    }).thenAccept(outcome -> {
      if (outcome.timedOut()) {
        CompletionStage<?> pending = ex.pendingResult();
        if (pending != null) {
          pending.toCompletableFuture().cancel(true);
        }
        done.completeExceptionally(new RequestFailure(ActionCodes.TIMEOUT, "the body of `"
            + ex.request().toolName() + "` ran past its deadline of " + deadline.toMillis()
            + " ms and was interrupted; its effect may be partial"));
      } else if (outcome.failure() != null) {
        Throwable f = outcome.failure();
        done.completeExceptionally(f instanceof CompletionException && f.getCause() != null ? f.getCause() : f);
      } else {
        done.complete(null);
      }
    });
    return done;
  }
}
