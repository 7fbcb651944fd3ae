/**
 * The hosted plugins' tools, callable in process ({@code PluginHost.tools()}): {@link
 * dev.atomemo4j.host.tools.HostTools} lists every tool and action with its generated JSON Schemas and description,
 * and calls a tool through the core pipeline (validation, stable error codes, secrets masked) or proposes an action
 * to the host's approval gate. Agent-framework adapters (Spring AI, LangChain4j) are built on it.
 */
package dev.atomemo4j.host.tools;
