/**
 * The Atlas plugin lifecycle, front-end neutral (atlas-design.md, "The core's contract"): {@link
 * dev.atomemo4j.core.lifecycle.ConfigValidator} validates every plugin's config before anything is constructed;
 * {@link dev.atomemo4j.core.lifecycle.PluginInstance} is one hosted plugin with its status machine, every call into
 * it made by {@link dev.atomemo4j.core.lifecycle.DeadlineCalls} under a deadline on its own thread; {@link
 * dev.atomemo4j.core.lifecycle.HostedPlugins} orders boot, health rounds, the context and LIFO teardown; {@link
 * dev.atomemo4j.core.lifecycle.HealthMonitor} runs the health loop and the cached view.
 *
 * <p>Uses nothing of Jetty, YAML or any front end, so the embedded host, the MCP server and the Hub socket can share
 * it (it moves to the core module with the SPI).
 */
package dev.atomemo4j.core.lifecycle;
