package dev.atomemo4j.processor.model;

/** Read and validated: the plugin's valid @Routes method (issue 16). */
public record RoutesModel() {}
