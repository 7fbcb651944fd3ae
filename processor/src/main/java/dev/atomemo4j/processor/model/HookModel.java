package dev.atomemo4j.processor.model;

/** Read and validated: one valid @Hook method (issue 14's hook work fills it in). */
public record HookModel() {}
