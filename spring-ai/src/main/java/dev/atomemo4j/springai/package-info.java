/**
 * A {@code PluginHost}'s tools and actions as Spring AI tool callbacks: {@link
 * dev.atomemo4j.springai.PluginToolCallbackProvider} over a host, one {@link
 * dev.atomemo4j.springai.PluginToolCallback} per tool or action, whose definition carries the processor's input
 * schema and whose calls go through the host (validation, stable error codes, approvals). The Spring Boot
 * auto-configuration is in {@code dev.atomemo4j.springai.autoconfigure}.
 */
package dev.atomemo4j.springai;
