package dev.atomemo4j.core.pipeline;

import java.util.concurrent.CompletionStage;

/**
 * One step of the {@link RequestPipeline}. A stage reads and updates the {@link Exchange}; to answer the request
 * with a particular error it throws a {@link RequestFailure}; any other exception is reported as the plugin's
 * ({@code sdk:exception}). For front ends and the features that add stages, not for plugin authors.
 */
@FunctionalInterface
public interface Stage {

  /**
   * Does this stage's work.
   *
   * @return null when the work is done, or a completion stage when it finishes later (an asynchronous tool, an
   *     approval that waits for a person); the pipeline continues when it completes, without blocking a thread, and
   *     fails the request if it completes exceptionally
   */
  CompletionStage<?> apply(Exchange exchange) throws Exception;
}
