/**
 * The request pipeline every front end runs: one implementation of "validate, then call the plugin's code" for
 * the Hub socket ({@code runtime}), the in-process host and an MCP server. For front ends, not for plugin authors,
 * who write against {@link dev.atomemo4j.runtime.ToolContext} and the annotations only.
 *
 * <h2>The picture</h2>
 *
 * <pre>
 *  front end (its own thread model)          core pipeline (this package)                 front end
 *  ────────────────────────────────          ────────────────────────────                 ─────────
 *  read its wire format; check its            RequestPipeline.run(Exchange)
 *  own members → PipelineRequest       ──▶     VALIDATE  ValidateStage  resolve, decode    ──▶  ResultEncoder → JSON
 *  collect the request's Secrets                BEFORE    (empty today: before-hooks)           RequestFailure.code()
 *  new Exchange(request, descriptor,            APPROVAL  ApprovalStage  (hosts: actions)       → its own error
 *               secrets)                        INVOKE    InvokeStage    plugin code
 *                                               AFTER     (empty today: after-hooks)
 * </pre>
 *
 * <ul>
 *   <li>{@link dev.atomemo4j.core.pipeline.PipelineRequest} is the neutral request: kind, id, tool or credential
 *       name, parameters, credentials, the callbacks' inputs, organization. The front end alone knows its wire
 *       members, and answers a malformed message itself (the Hub with {@code sdk:invalid_request}); nothing here
 *       reads a wire member name.
 *   <li>{@link dev.atomemo4j.core.pipeline.RequestPipeline} runs {@link dev.atomemo4j.core.pipeline.Stage}s grouped
 *       in five fixed phases over one {@link dev.atomemo4j.core.pipeline.Exchange}. A stage throws {@link
 *       dev.atomemo4j.core.pipeline.RequestFailure} to answer with a specific code, or returns a completion stage
 *       to continue later without holding a thread (asynchronous tools; an approval that waits for a person).
 *       Later features add stages to a phase: Atlas before/after hooks to BEFORE/AFTER. A host adds {@link
 *       dev.atomemo4j.core.pipeline.ApprovalStage} to APPROVAL: an {@code EXECUTE_ACTION} request gets the {@link
 *       dev.atomemo4j.core.pipeline.ApprovalTicket} the generated action executor demands only when the host's store
 *       claimed the approved request; a pipeline without the stage (the Hub's) never runs an action body.
 *   <li>The {@link dev.atomemo4j.runtime.ToolContext} a tool receives is the front end's (the Hub's file and model
 *       helpers): {@link dev.atomemo4j.core.pipeline.RequestPipeline#standard} takes a function that builds it.
 *   <li>What stays with the front end: deadlines, in-flight limits, cancellation, shutdown, answering exactly once,
 *       and the wire form of errors. The pipeline only completes or fails its future.
 * </ul>
 *
 * <h2>Error codes</h2>
 *
 * {@link dev.atomemo4j.core.pipeline.ErrorCodes} holds the stable {@code sdk:} codes of every front end: the
 * pipeline's own ({@code sdk:tool_not_found}, {@code sdk:credential_not_found}, {@code sdk:invalid_parameter}
 * with {@code problems: [{pointer, message}]}, {@code sdk:method_not_supported},
 * {@code sdk:invalid_credential_authenticate}, {@code sdk:invalid_return}) and those front ends answer with
 * ({@code sdk:exception}, {@code sdk:timeout}, {@code sdk:overloaded}, {@code sdk:shutting_down},
 * {@code sdk:invalid_request}, the file helpers' {@code transient:} codes).
 *
 * <h2>Secrets</h2>
 *
 * Every string of a request's credentials, its Secret-typed parameters and the front end's own keys are known
 * secrets of the request ({@link dev.atomemo4j.core.pipeline.Secrets}, collected by the front end): problem
 * messages are scrubbed of them here, and front ends scrub their error texts and logs with the same instance.
 * Decoding problems never quote credential values.
 */
package dev.atomemo4j.core.pipeline;
