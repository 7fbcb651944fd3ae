package dev.atomemo4j.core.pipeline;

import dev.atomemo4j.runtime.ToolContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The stages every request goes through, in a fixed order of {@link Phase}s:
 *
 * <pre>
 *   VALIDATE → BEFORE → APPROVAL → INVOKE → AFTER
 * </pre>
 *
 * Each phase holds any number of {@link Stage}s, run in the order they were added. {@link #standard} populates
 * {@link Phase#VALIDATE} ({@link ValidateStage}) and {@link Phase#INVOKE} ({@link InvokeStage}); a host that runs
 * actions adds {@link ApprovalStage} to {@link Phase#APPROVAL}; before- and after-hooks plug in the same way,
 * without touching the dispatcher.
 *
 * <p>{@link #run} executes the stages on the calling thread until one returns a pending completion stage; the rest
 * then continue on the given executor once it completes. The first stage that throws (or whose completion stage
 * fails) ends the run: later stages do not run, and the returned future fails with that exception.
 *
 * <p>For front ends, not for plugin authors: a front end builds a {@link PipelineRequest} from its wire format,
 * runs it here, and turns the outcome into its own answer ({@link ResultEncoder} for results, {@link
 * RequestFailure#code()} for errors). The pipeline neither answers nor times out a request: deadlines, in-flight
 * limits and cancellation belong to the front end, which knows its protocol's rules.
 */
public final class RequestPipeline {

  /** The phases, in execution order. */
  public enum Phase {
    /** Resolve the target (tool, credential, method), check and decode the request; nothing of the plugin runs. */
    VALIDATE,
    /** Before-hooks: may inspect or change the decoded input, or refuse the request. */
    BEFORE,
    /** Approval: may hold the request until a person approves it, or refuse it. */
    APPROVAL,
    /** Call the plugin's code; sets the Java result. */
    INVOKE,
    /** After-hooks: may inspect or replace the Java result before it is encoded. */
    AFTER
  }

  private final List<Stage> stages;
  private final Executor continuations;

  private RequestPipeline(List<Stage> stages, Executor continuations) {
    this.stages = stages;
    this.continuations = continuations;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The standard pipeline: validation and invocation.
   *
   * @param contexts builds the {@link ToolContext} a tool receives: the front end's (the Hub's file and model
   *     helpers, a host's own)
   * @param continuations where stages continue after an asynchronous one completes
   */
  public static RequestPipeline standard(Function<Exchange, ToolContext> contexts, Executor continuations) {
    return builder()
        .add(Phase.VALIDATE, new ValidateStage(contexts))
        .add(Phase.INVOKE, new InvokeStage())
        .build(continuations);
  }

  /** Runs every stage on {@code exchange}; completes when the last one has, with the first failure otherwise. */
  public CompletableFuture<Void> run(Exchange exchange) {
    return runFrom(0, exchange);
  }

  private CompletableFuture<Void> runFrom(int first, Exchange exchange) {
    for (int i = first; i < stages.size(); i++) {
      CompletionStage<?> pending;
      try {
        pending = stages.get(i).apply(exchange);
      } catch (Throwable t) {
        return CompletableFuture.failedFuture(t);
      }
      if (pending != null) {
        int next = i + 1;
        CompletableFuture<Void> rest = new CompletableFuture<>();
        // whenComplete rather than toCompletableFuture: a plugin's CompletionStage need not support the latter.
        pending.whenComplete((value, failure) -> {
          if (failure != null) {
            rest.completeExceptionally(failure);
            return;
          }
          try {
            continuations.execute(() -> runFrom(next, exchange).whenComplete((v, t) -> {
              if (t != null) {
                rest.completeExceptionally(t);
              } else {
                rest.complete(null);
              }
            }));
          } catch (RuntimeException rejected) {
            rest.completeExceptionally(rejected); // the executor was shut down
          }
        });
        return rest;
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Collects stages per phase. */
  public static final class Builder {
    private final Map<Phase, List<Stage>> byPhase = new EnumMap<>(Phase.class);

    public Builder add(Phase phase, Stage stage) {
      byPhase.computeIfAbsent(Objects.requireNonNull(phase, "phase"), p -> new ArrayList<>())
          .add(Objects.requireNonNull(stage, "stage"));
      return this;
    }

    public RequestPipeline build(Executor continuations) {
      List<Stage> ordered = new ArrayList<>();
      for (Phase phase : Phase.values()) {
        ordered.addAll(byPhase.getOrDefault(phase, List.of()));
      }
      return new RequestPipeline(Collections.unmodifiableList(ordered), Objects.requireNonNull(continuations));
    }
  }
}
