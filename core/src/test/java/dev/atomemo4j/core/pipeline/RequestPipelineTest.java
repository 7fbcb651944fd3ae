package dev.atomemo4j.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.atomemo4j.core.pipeline.RequestPipeline.Phase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The stage pipeline that later features extend: order by phase, asynchronous stages, failures. */
class RequestPipelineTest {

  static final Executor DIRECT = Runnable::run;
  final List<String> ran = new CopyOnWriteArrayList<>();

  Exchange exchange() {
    return new Exchange(PipelineRequest.invokeTool("r", "greet", JsonNodeFactory.instance.objectNode(), null,
        Optional.empty()), DemoPlugin.descriptor(), Secrets.NONE);
  }

  Stage record(String name) {
    return ex -> {
      ran.add(name);
      return null;
    };
  }

  @Test
  void stagesRunInPhaseOrderWhateverOrderTheyWereAddedIn() {
    RequestPipeline p = RequestPipeline.builder()
        .add(Phase.AFTER, record("after"))
        .add(Phase.INVOKE, record("invoke"))
        .add(Phase.APPROVAL, record("approval"))
        .add(Phase.BEFORE, record("before-1"))
        .add(Phase.VALIDATE, record("validate"))
        .add(Phase.BEFORE, record("before-2"))
        .build(DIRECT);
    assertThat(p.run(exchange())).isCompleted();
    assertThat(ran).containsExactly("validate", "before-1", "before-2", "approval", "invoke", "after");
  }

  @Test
  void anAsynchronousStageHoldsTheRestUntilItCompletes() {
    CompletableFuture<String> approval = new CompletableFuture<>();
    RequestPipeline p = RequestPipeline.builder()
        .add(Phase.APPROVAL, ex -> approval)
        .add(Phase.INVOKE, record("invoke"))
        .build(DIRECT);
    CompletableFuture<Void> run = p.run(exchange());
    assertThat(run).isNotDone();
    assertThat(ran).isEmpty();
    approval.complete("approved");
    assertThat(run).succeedsWithin(5, TimeUnit.SECONDS);
    assertThat(ran).containsExactly("invoke");
  }

  @Test
  void aFailingStageStopsTheRunWithItsFailure() {
    RequestPipeline p = RequestPipeline.builder()
        .add(Phase.BEFORE, ex -> {
          throw new RequestFailure("demo:refused", "not today");
        })
        .add(Phase.INVOKE, record("invoke"))
        .build(DIRECT);
    assertThat(p.run(exchange())).failsWithin(5, TimeUnit.SECONDS)
        .withThrowableThat().havingCause().isInstanceOf(RequestFailure.class).withMessage("not today");
    assertThat(ran).isEmpty();
  }

  @Test
  void aFailedAsynchronousStageStopsTheRun() {
    RequestPipeline p = RequestPipeline.builder()
        .add(Phase.INVOKE, ex -> CompletableFuture.failedFuture(new IllegalStateException("async boom")))
        .add(Phase.AFTER, record("after"))
        .build(DIRECT);
    assertThat(p.run(exchange())).failsWithin(5, TimeUnit.SECONDS)
        .withThrowableThat().havingCause().withMessage("async boom");
    assertThat(ran).isEmpty();
  }
}
