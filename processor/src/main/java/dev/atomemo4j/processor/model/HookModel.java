package dev.atomemo4j.processor.model;

import com.palantir.javapoet.ClassName;
import dev.atomemo4j.annotations.HookPoint;

/**
 * Read and validated: one valid {@code @Hook} method.
 *
 * @param methodName the hook method
 * @param event the point's event type, which the method's first parameter is
 * @param returnsRewrite whether it returns the point's rewrite type (else void)
 * @param withContext whether it takes the PluginContext as a second parameter
 * @param timeoutMs the annotation's deadline; 0 for the host's default
 * @param matcher the matcher method's name, or null when the hook runs for every event
 */
public record HookModel(HookPoint point, String methodName, ClassName event, boolean returnsRewrite,
    boolean withContext, long timeoutMs, String matcher) {}
