/**
 * The Hub front end: serves a generated plugin registry to the Atomemo Plugin Hub over the Phoenix client of
 * {@code internal.phoenix}, exactly as hub-protocol.md specifies, running every request through the core's
 * front-end-neutral pipeline ({@link dev.atomemo4j.core.pipeline}). Internal: plugin authors use
 * {@link dev.atomemo4j.runtime.Atomemo4j} and {@link dev.atomemo4j.runtime.PluginServer} only.
 *
 * <h2>Start-up (§14)</h2>
 *
 * {@link dev.atomemo4j.runtime.internal.hub.HubServer#start}: find the registry
 * ({@link dev.atomemo4j.runtime.internal.hub.RegistryLoader}); read {@code .env} and the environment and validate
 * them, together with the local part of the author lookup, into one list of problems ({@code HubConfig},
 * {@code AuthorResolver}); ask OneAuth for the author in debug mode; install every handler; join; connect. In
 * debug mode every successful join pushes {@code register_plugin} ({@code DefinitionDocument}). No run writes
 * {@code definition.json}: the committed release file comes from {@code mvn atomemo4j:export} only.
 *
 * <h2>Requests: intake, pipeline, answer</h2>
 *
 * <pre>
 *  socket loop                 worker thread (virtual on 21+)                              socket loop
 *  ───────────                 ──────────────────────────────                              ───────────
 *  Dispatcher.onRequest        HubRequests.read: Hub members → PipelineRequest              channel push
 *   request_id? shutting down?  (malformed → sdk:invalid_request)                           &lt;event&gt;_response
 *   in-flight cap? → answer now core RequestPipeline.run(Exchange)                     ──▶  or &lt;event&gt;_error
 *   secrets, frame log          VALIDATE → BEFORE → APPROVAL → INVOKE → AFTER
 *   arm time limit, submit ──▶ ResultEncoder → data,  ErrorPayloads → error
 * </pre>
 *
 * <ul>
 *   <li>The loop does only what must not wait: read {@code request_id}, collect the request's secrets
 *       ({@code HubRequests.secretsOf}) for the frame log, refuse at once when shutting down
 *       ({@code sdk:shutting_down}) or at the in-flight cap ({@code sdk:overloaded}), arm the §8.10 limit, submit.
 *   <li>The worker reads the payload into the core's neutral request: {@code HubRequests} is the one place that
 *       knows the Hub's request members, and answers a missing or mistyped one with {@code sdk:invalid_request}
 *       naming it. The event names and their limits are {@code RequestKind}'s.
 *   <li>The core pipeline resolves, decodes and calls the plugin with a {@code HubToolContext} (the Hub's file
 *       and model helpers, §9), built by the function {@code HubServer} gives it. Its {@code RequestFailure}s
 *       and the plugin's exceptions become §11 error objects in {@code ErrorPayloads}.
 *   <li>Every request is answered exactly once: the worker, the time limit and the shutdown race for one flag.
 * </ul>
 *
 * <h2>Error codes (§11)</h2>
 *
 * The codes of every front end are {@link dev.atomemo4j.core.pipeline.ErrorCodes}: {@code sdk:tool_not_found},
 * {@code sdk:credential_not_found}, {@code sdk:invalid_parameter} (with {@code problems: [{pointer, message}]}),
 * {@code sdk:exception} (with {@code name}, and {@code stack} only when {@code DEBUG=true}), the plugin's own
 * {@code ToolException} code, {@code sdk:timeout}, {@code sdk:method_not_supported},
 * {@code sdk:invalid_credential_authenticate}, {@code sdk:overloaded}, {@code sdk:shutting_down},
 * {@code sdk:invalid_request}, {@code sdk:invalid_return}, {@code transient:upload_failed},
 * {@code transient:download_failed}. Only the Hub has {@code HubErrorCodes}: {@code sdk:unsupported_event},
 * {@code sdk:hub_call_failed}, {@code unknown}.
 *
 * <h2>Secrets</h2>
 *
 * The debug API key travels only in the socket URL, which is redacted wherever it is printed. Every string of a
 * request's {@code credentials}/{@code credential}, its Secret-typed parameters and the api key are known secrets
 * of that request ({@code Secrets}): error messages and logged exceptions are scrubbed of them; the {@code DEBUG}
 * frame log ({@code FrameLog}) masks every credential value. Decoding problems never quote credential values.
 */
package dev.atomemo4j.runtime.internal.hub;
