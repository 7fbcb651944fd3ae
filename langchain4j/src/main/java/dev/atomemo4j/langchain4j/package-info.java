/**
 * A {@code PluginHost}'s tools and actions as a LangChain4j {@link dev.langchain4j.service.tool.ToolProvider}:
 * {@link dev.atomemo4j.langchain4j.PluginToolProvider}, with tool specifications converted from the processor's
 * schemas ({@link dev.atomemo4j.langchain4j.SchemaElements}) and executions through the host.
 */
package dev.atomemo4j.langchain4j;
