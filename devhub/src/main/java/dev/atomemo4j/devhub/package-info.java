/**
 * The atomemo4j dev hub: a local Atomemo Plugin Hub for developing and testing plugins.
 *
 * <p>{@link dev.atomemo4j.devhub.DevHub} starts it (in-process, e.g. from a test kit) and
 * {@link dev.atomemo4j.devhub.DevHubMain} runs it from the command line. On one port it serves:
 * <ul>
 *   <li>the plugin sockets of the Hub protocol ({@code /debug_socket/websocket}, {@code /release_socket/websocket}),
 *       built on {@link dev.atomemo4j.devhub.phoenix};</li>
 *   <li>the HTTP JSON API under {@code /api} (documented in the module's {@code API.md}), the file store under
 *       {@code /files}, the OAuth2 callback, and the inspector's static files under {@code /inspector/}.</li>
 * </ul>
 *
 * <p>Inside: {@code HubChannel} handles the sockets (registration with the model's reader and validator, answers,
 * hub calls), {@code Broker} sends the seven Hub requests with round robin, failover and timeouts,
 * {@code Operations} is what both the HTTP API and the Java API call, {@code CredentialStore} and {@code FileStore}
 * keep data in the data directory, and {@code FrameLog} records redacted frames. Only {@code DevHub},
 * {@code DevHubMain}, {@link dev.atomemo4j.devhub.RequestOutcome} and {@link dev.atomemo4j.devhub.DevHubException}
 * are public.
 */
package dev.atomemo4j.devhub;
