/**
 * The Spring Boot auto-configuration: a {@code PluginHost} of the plugins found on the class path, configured from
 * {@code atomemo4j.plugins.<id>.<key>} and validated at start-up, and its tools as a {@code ToolCallbackProvider}.
 */
package dev.atomemo4j.springai.autoconfigure;
