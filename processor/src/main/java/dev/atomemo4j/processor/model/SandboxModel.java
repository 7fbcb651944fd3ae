package dev.atomemo4j.processor.model;

/**
 * Read and validated: the plugin's {@code @Sandbox} backend factory.
 *
 * @param methodName {@code public ExploreBackend name(Path semanticRoot)}
 * @param priority within {@code Sandbox.MIN_PRIORITY..MAX_PRIORITY}
 * @param description may be empty
 */
public record SandboxModel(String methodName, int priority, boolean networkIsolation, boolean filesystemIsolation,
    boolean unprivilegedExecution, String description) {}
