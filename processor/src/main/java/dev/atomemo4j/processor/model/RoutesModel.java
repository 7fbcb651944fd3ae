package dev.atomemo4j.processor.model;

/**
 * Read and validated: the plugin's {@code @Routes} method.
 *
 * @param methodName the Java method, {@code public void methodName(Router router)}
 * @param timeoutMs {@code @Routes(timeoutMs)}; 0 for the host's default
 */
public record RoutesModel(String methodName, long timeoutMs) {}
