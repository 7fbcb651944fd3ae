package dev.atomemo4j.processor.model;

/** Read and validated: the plugin's valid @Sandbox (issue 16). */
public record SandboxModel() {}
