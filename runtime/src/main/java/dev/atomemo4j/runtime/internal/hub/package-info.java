/**
 * The Hub transport: serves a generated plugin registry to the Atomemo Plugin Hub over the Phoenix client of
 * {@code internal.phoenix}, exactly as hub-protocol.md specifies. Internal: plugin authors use
 * {@link dev.atomemo4j.runtime.Atomemo4j} and {@link dev.atomemo4j.runtime.PluginServer} only.
 *
 * <h2>Start-up (§14)</h2>
 *
 * {@link dev.atomemo4j.runtime.internal.hub.HubServer#start}: find the registry
 * ({@link dev.atomemo4j.runtime.internal.hub.RegistryLoader}); read {@code .env} and the environment and validate
 * them, together with the local part of the author lookup, into one list of problems ({@code HubConfig},
 * {@code AuthorResolver}); ask OneAuth for the author in debug mode; install every handler; join; connect. In
 * debug mode every successful join pushes {@code register_plugin} ({@code DefinitionDocument}); the first
 * successful registration writes {@code definition.json}.
 *
 * <h2>Requests: intake, pipeline, answer</h2>
 *
 * <pre>
 *  socket loop                      worker thread (virtual on 21+)                    socket loop
 *  ───────────                      ─────────────────────────────                     ───────────
 *  Dispatcher.onRequest             RequestPipeline.run(Exchange)                     channel push
 *   request_id? shutting down?       VALIDATE  ValidateStage   resolve, decode          &lt;event&gt;_response
 *   in-flight cap? → answer now      BEFORE    (empty today: before-hooks)            or &lt;event&gt;_error
 *   arm time limit, submit    ──▶    APPROVAL  (empty today: approval enforcement) ──▶
 *                                    INVOKE    InvokeStage     plugin code
 *                                    AFTER     (empty today: after-hooks)
 *                                   ResultEncoder → data,  ErrorPayloads → error
 * </pre>
 *
 * <ul>
 *   <li>The loop does only what must not wait: read {@code request_id}, refuse at once when shutting down
 *       ({@code sdk:shutting_down}) or at the in-flight cap ({@code sdk:overloaded}), arm the §8.10 limit, submit.
 *   <li>{@link dev.atomemo4j.runtime.internal.hub.RequestPipeline} runs {@link
 *       dev.atomemo4j.runtime.internal.hub.Stage}s grouped in five fixed phases over one {@link
 *       dev.atomemo4j.runtime.internal.hub.Exchange}. A stage throws {@link
 *       dev.atomemo4j.runtime.internal.hub.RequestFailure} to answer with a specific code, or returns a completion
 *       stage to continue later without holding a thread (asynchronous tools; an approval that waits for a person).
 *       Later features add stages to a phase: Atlas before/after hooks to BEFORE/AFTER, approval enforcement to
 *       APPROVAL; another front end (MCP) can run the same pipeline with its own intake and encoding.
 *   <li>Every request is answered exactly once: the worker, the time limit and the shutdown race for one flag.
 * </ul>
 *
 * <h2>Error codes (§11)</h2>
 *
 * See {@code ErrorCodes}: {@code sdk:tool_not_found}, {@code sdk:credential_not_found},
 * {@code sdk:invalid_parameter} (with {@code problems: [{pointer, message}]}), {@code sdk:exception} (with
 * {@code name}, and {@code stack} only when {@code DEBUG=true}), the plugin's own {@code ToolException} code,
 * {@code sdk:timeout}, {@code sdk:method_not_supported}, {@code sdk:invalid_credential_authenticate},
 * {@code sdk:overloaded}, {@code sdk:shutting_down}, {@code sdk:invalid_request}, {@code sdk:invalid_return},
 * {@code sdk:unsupported_event}, {@code transient:upload_failed}, {@code transient:download_failed}.
 *
 * <h2>Secrets</h2>
 *
 * The debug API key travels only in the socket URL, which is redacted wherever it is printed. Every string of a
 * request's {@code credentials}/{@code credential} is a known secret of that request ({@code Secrets}): error
 * messages and logged exceptions are scrubbed of them; the {@code DEBUG} frame log ({@code FrameLog}) masks every
 * credential value. Decoding problems never quote credential values.
 */
package dev.atomemo4j.runtime.internal.hub;
